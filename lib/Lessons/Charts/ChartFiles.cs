using Plotly.NET;

namespace Lessons.Charts;

/// <summary>
/// Charts to files: HTML that draws offline (plotly.js embedded). Pictures of charts are the runner's job: it draws each
/// chart output's HTML with <see cref="HeadlessChromium"/> (see `lessons run`).
/// </summary>
public static class ChartFiles
{
    /// <summary>Write <paramref name="chart"/> as a self-contained HTML page; returns the full path.</summary>
    public static string SaveHtml(GenericChart chart, string path, string? title = null) =>
        new ChartPage(title ?? Path.GetFileNameWithoutExtension(path), showTitle: false).Chart(chart).Save(path);

    /// <summary>The chart's own size from its layout (the kit's charts all set one), else 900×600.</summary>
    public static (int Width, int Height) SizeOf(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        int Read(string name, int fallback) =>
            layout.TryGetPropertyValue(name) is { } value && value.Value is int n ? n : fallback;
        return (Read("width", 900), Read("height", 600));
    }
}
