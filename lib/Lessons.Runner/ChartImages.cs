using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

/// <summary>
/// Puts a PNG of every kit chart into the chart's own HTML output (<see cref="NotebookContract.ChartClass"/>), drawn
/// in a browser from that same HTML with the plotly.js the notebook's first cell showed. Viewers that run no script
/// (GitHub, nbviewer, an HTML export opened with scripts off) show the picture; front ends that do (VS Code, Jupyter)
/// run the chart's script, which replaces the picture with the interactive chart. A separate image/png beside the
/// text/html would not do: renderers pick text/html, which without its script is an empty box.
/// </summary>
public static partial class ChartImages
{
    /// <summary>
    /// Adds a picture to each chart output that has none; returns how many it added. <paramref name="screenshot"/>
    /// draws an HTML page at a width and height into PNG bytes; a chart it fails on keeps no picture. Nothing happens
    /// when the notebook showed no plotly.js.
    /// </summary>
    public static int Add(InteractiveDocument document, Func<string, int, int, byte[]> screenshot)
    {
        var htmlOutputs = document.Elements.SelectMany(e => e.Outputs).Select(NotebookOutputs.DataOf)
            .Where(d => d is not null && d.ContainsKey(NotebookOutputs.Html)).Select(d => d!).ToList();
        string? plotly = htmlOutputs.Select(NotebookOutputs.HtmlOf).FirstOrDefault(NotebookOutputs.IsPlotlyScript);
        var charts = htmlOutputs.Where(d => EmptyChart().IsMatch(NotebookOutputs.HtmlOf(d))).ToList();
        if (plotly is null || charts.Count == 0) return 0;

        string folder = Directory.CreateTempSubdirectory("lessons-charts-").FullName;
        try
        {
            // One browser per chart, as many at once as the machine has cores: each chart is its own page.
            int added = 0;
            Parallel.For(0, charts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
            {
                var data = charts[index];
                string html = NotebookOutputs.HtmlOf(data);
                var chart = EmptyChart().Match(html);
                int width = int.Parse(chart.Groups["width"].Value), height = int.Parse(chart.Groups["height"].Value);
                string page = Path.Combine(folder, $"chart{index}.html");
                File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" +
                    "<style>body{margin:0;background:#fff} .modebar{display:none !important}</style></head>" +
                    "<body>" + plotly + html + "</body></html>");
                string png;
                try
                {
                    png = Convert.ToBase64String(screenshot(page, width, height));
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
                {
                    return;   // a browser that failed or timed out: this chart keeps no picture, the run goes on
                }
                string alt = chart.Groups["alt"].Success ? chart.Groups["alt"].Value : "chart";
                string picture =
                    $"<img alt=\"{alt}\" width=\"{width}\" height=\"{height}\" src=\"data:image/png;base64,{png}\">";
                data[NotebookOutputs.Html] = html.Insert(chart.Index + chart.Groups["open"].Length, picture);
                Interlocked.Increment(ref added);
            });
            return added;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A chart container as the kit's formatter writes it, still empty (data-alt, the picture's alt text in the
    /// notebook's language, is missing from outputs written before it).</summary>
    [GeneratedRegex("(?<open><div [^>]*class=\"" + NotebookContract.ChartClass +
        "\" data-width=\"(?<width>\\d+)\" data-height=\"(?<height>\\d+)\"(?: data-alt=\"(?<alt>[^\"]*)\")?>)</div>")]
    private static partial Regex EmptyChart();
}
