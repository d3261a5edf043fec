using System.Globalization;
using System.Net;
using Lessons.Charts;
using Lessons.Localization;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Lessons.Notebooks;

/// <summary>
/// Shows Plotly.NET charts in notebook outputs (VS Code Polyglot Notebooks, Jupyter, dotnet-repl, the runner), drawn
/// without a network. <see cref="Kit.Load"/> publishes plotly.js once (<see cref="PlotlyLoader"/>); each chart output
/// is then a few kilobytes: an empty container and a script that draws the figure with that plotly.js, at once when
/// it is there, else as soon as the loader runs (outputs of a notebook opened with its saved outputs).
/// </summary>
internal static class ChartFormatter
{
    /// <summary>
    /// Makes GenericChart display as such a chart (text/html). The runner resets formatters per notebook: every
    /// Kit.Load calls it.
    /// </summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Html(chart)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType);
    }

    /// <summary>The output HTML of one chart.</summary>
    public static string Html(GenericChart chart)
    {
        string id = "lessons-chart-" + Guid.NewGuid().ToString("N");
        var (width, height) = ChartFiles.SizeOf(chart);
        string figure = GenericChart.toJson(chart).Replace("</", "<\\/", StringComparison.Ordinal);
        string alt = WebUtility.HtmlEncode(KitLanguage.Words.Text("chart.image"));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <div id="{{id}}" class="{{NotebookContract.ChartClass}}" data-width="{{width}}" data-height="{{height}}" data-alt="{{alt}}"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{figure}};
              function draw() {
                var element = document.getElementById('{{id}}');
                if (!element) return;
                element.innerHTML = '';
                window.Plotly.newPlot(element, figure.data, figure.layout, figure.config);
              }
              if (window.Plotly) draw();
              else (window.lessonsPlotlyWaiting = window.lessonsPlotlyWaiting || []).push(draw);
            })();
            </script>
            """);
    }
}
