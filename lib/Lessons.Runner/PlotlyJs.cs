using System.Text.RegularExpressions;

namespace Lessons.Runner;

/// <summary>
/// plotly.js without a CDN. Plotly.NET's notebook output loads plotly through require.js from a CDN; a page that loads
/// plotly.min.js itself and defines this small require.js stand-in draws those same outputs offline, unchanged.
/// The file comes from the Plotly.Blazor package (copied beside the runner as plotly/plotly.min.js).
/// </summary>
public static partial class PlotlyJs
{
    public const string FileName = "plotly.min.js";

    /// <summary>The plotly.js next to the runner, or null when the build did not copy it.</summary>
    public static string? DefaultPath =>
        Path.Combine(AppContext.BaseDirectory, "plotly", FileName) is var path && File.Exists(path) ? path : null;

    /// <summary>Answers Plotly.NET's <c>requirejs.config(..)(['plotly'], draw)</c> with the already loaded window.Plotly.</summary>
    public const string RequireShim =
        "<script>window.requirejs = function (deps, draw) { draw(window.Plotly); }; window.requirejs.config = function () { return window.requirejs; };</script>";

    /// <summary>True for an HTML output that draws a Plotly chart.</summary>
    public static bool IsChart(string html) => html.Contains("Plotly.newPlot", StringComparison.Ordinal);

    /// <summary>The chart's layout size (Plotly.NET writes "width":W,"height":H), else a default.</summary>
    public static (int Width, int Height) Size(string html)
    {
        var width = WidthPattern().Match(html);
        var height = HeightPattern().Match(html);
        return (width.Success ? int.Parse(width.Groups[1].Value) : 700, height.Success ? int.Parse(height.Groups[1].Value) : 500);
    }

    [GeneratedRegex("var layout = \\{[^\\n]*?\"width\":(\\d+)")]
    private static partial Regex WidthPattern();

    [GeneratedRegex("var layout = \\{[^\\n]*?\"height\":(\\d+)")]
    private static partial Regex HeightPattern();
}
