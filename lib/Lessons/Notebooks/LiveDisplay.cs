using System.Reflection;

namespace Lessons.Notebooks;

/// <summary>
/// A value shown once in a notebook and updated in place: a progress line, a table growing epoch by epoch.
/// <code>
/// var progress = Kit.Show("epoch 0/10");
/// ... progress.Update($"epoch {epoch}/10 · loss {loss:0.000}");
/// </code>
/// Why not <c>value.Display()</c>: in .NET Interactive 1.0.0-beta.26120.1 and the dotnet-interactive tool 1.0.712001,
/// <c>Display()</c> shows one DisplayedValue and returns another with a different id, so its <c>Update</c> targets an
/// output that does not exist (Jupyter ignores it; the first value stays). This goes through the kernel's public
/// <c>KernelInvocationContext.Current.Display(..)</c>, whose handle keeps the id it was shown under. It finds the
/// kernel by reflection (the library does not reference .NET Interactive); outside a notebook it writes lines to the console.
/// </summary>
public sealed class LiveDisplay
{
    readonly object? handle;        // Microsoft.DotNet.Interactive.Formatting.DisplayedValue
    readonly MethodInfo? update;

    LiveDisplay(object? handle) => (this.handle, update) = (handle, handle?.GetType().GetMethod("Update", [typeof(object)]));

    /// <summary>True when the value went to a notebook output (false: to the console).</summary>
    public bool InNotebook => handle is not null;

    /// <summary>Shows <paramref name="value"/> as a new output of the running cell (in a notebook), else prints it.</summary>
    public static LiveDisplay Show(object value)
    {
        if (KernelDisplay() is { } display && display.Context() is { } context)
            return new LiveDisplay(display.Method.Invoke(null, [context, value, Array.Empty<string>()]));
        Console.WriteLine(value);
        return new LiveDisplay(null);
    }

    /// <summary>Replaces the shown value (in a notebook), else prints the new one.</summary>
    public void Update(object value)
    {
        if (handle is not null && update is not null) update.Invoke(handle, [value]);
        else Console.WriteLine(value);
    }

    sealed record Display(MethodInfo Method, PropertyInfo Current)
    {
        public object? Context() => Current.GetValue(null);
    }

    static Display? KernelDisplay()
    {
        var interactive = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
        var contextType = interactive?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext");
        var current = contextType?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
        var method = interactive?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContextExtensions")
            ?.GetMethod("Display", BindingFlags.Public | BindingFlags.Static, [contextType!, typeof(object), typeof(string[])]);
        return method is not null && current is not null ? new Display(method, current) : null;
    }
}
