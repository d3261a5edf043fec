using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Notebooks;

/// <summary>
/// A value shown once in a notebook and updated in place: a progress line, a table growing epoch by epoch.
/// <code>
/// var progress = Kit.Show("epoch 0/10");
/// ... progress.Update($"epoch {epoch}/10 · loss {loss:0.000}");
/// </code>
/// Why not <c>value.Display()</c>: in .NET Interactive 1.0.0-beta.26120.1 and the dotnet-interactive tool 1.0.712001,
/// <c>Display()</c> shows one DisplayedValue and returns another with a different id, so its <c>Update</c> targets an
/// output that does not exist (Jupyter ignores it; the first value stays). This goes through the kernel's
/// <c>KernelInvocationContext.Current.Display(..)</c>, whose handle keeps the id it was shown under. Outside a notebook
/// it writes lines to the console.
/// </summary>
public sealed class LiveDisplay
{
    readonly DisplayedValue? handle;

    LiveDisplay(DisplayedValue? handle) => this.handle = handle;

    /// <summary>True when the value went to a notebook output (false: to the console).</summary>
    public bool InNotebook => handle is not null;

    /// <summary>Shows <paramref name="value"/> as a new output of the running cell (in a notebook), else prints it.</summary>
    public static LiveDisplay Show(object value)
    {
        if (KernelInvocationContext.Current is { } context) return new LiveDisplay(context.Display(value));
        Console.WriteLine(value);
        return new LiveDisplay(null);
    }

    /// <summary>Replaces the shown value (in a notebook), else prints the new one.</summary>
    public void Update(object value)
    {
        if (handle is not null) handle.Update(value);
        else Console.WriteLine(value);
    }
}
