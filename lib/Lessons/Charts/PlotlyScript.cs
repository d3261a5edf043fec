using Plotly.NET;

namespace Lessons.Charts;

/// <summary>The plotly.js that ships inside Plotly.NET (so pages draw without a network), read once.</summary>
public static class PlotlyScript
{
    static readonly Lazy<string> source = new(Read);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => source.Value;

    /// <summary>plotly.js version, from the embedded resource's name (e.g. "2.28.0").</summary>
    public static string Version => ResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    static string ResourceName()
    {
        PlotlyRuntime.Prepare();
        return typeof(GenericChart).Assembly.GetManifestResourceNames()
            .Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
    }

    static string Read()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(ResourceName())
            ?? throw new InvalidOperationException("plotly.js is missing from the Plotly.NET assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
