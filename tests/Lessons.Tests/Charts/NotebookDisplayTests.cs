using System.Net;
using System.Text.RegularExpressions;
using Lessons.Charts;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Tests.Charts;

public sealed class NotebookDisplayTests
{
    [Fact]
    public void Registered_formatter_shows_a_chart_as_html_that_draws_it()
    {
        NotebookDisplay.Register();
        var chart = ConfusionMatrixChart.Create(ChartSamples.Confusion());

        var html = chart.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Matches(@"<div id=""lessons-chart-[0-9a-f]{32}""></div>", html);
        Assert.Contains("window.Plotly.newPlot('lessons-chart-", html);
        Assert.Contains("\"type\":\"heatmap\"", html);
    }

    [Fact]
    public void Plotly_js_is_embedded_only_where_asked()
    {
        var chart = ClassProbabilityChart.Create(["a", "b"], [0.2, 0.8]);
        string marker = PlotlyScript.Source[..200];

        Assert.Equal(1, Regex.Count(NotebookDisplay.Html(chart, embedPlotly: true), Regex.Escape(marker)));
        Assert.DoesNotContain(marker, NotebookDisplay.Html(chart, embedPlotly: false));
    }

    [ChromiumFact]
    public void Outputs_after_the_first_draw_with_the_plotly_js_it_brought()
    {
        var dir = Directory.CreateTempSubdirectory("lessons-notebook-");
        try
        {
            // Two outputs in one page, as a notebook shows them: only the first carries plotly.js.
            var page = Path.Combine(dir.FullName, "outputs.html");
            File.WriteAllText(page, "<!DOCTYPE html><html><head></head><body>" +
                NotebookDisplay.Html(ConfusionMatrixChart.Create(ChartSamples.Confusion()), embedPlotly: true) +
                NotebookDisplay.Html(GateSaturationChart.Create([ChartSamples.Trace(10, 8, 1)]), embedPlotly: false) +
                """
                <script>
                window.addEventListener('load', function () {
                  var out = document.createElement('pre'); out.id = 'report';
                  out.textContent = Array.from(document.querySelectorAll('.js-plotly-plot')).map(function (p) { return p.data.length; }).join(',');
                  document.body.appendChild(out);
                });
                </script></body></html>
                """);

            var dom = HeadlessChromium.Find()!.DumpDom(page, TimeSpan.FromSeconds(2));

            var report = Regex.Match(dom, "<pre id=\"report\">(.*?)</pre>");
            Assert.True(report.Success, "the page did not report");
            Assert.Equal("1,4", WebUtility.HtmlDecode(report.Groups[1].Value));
        }
        finally { dir.Delete(recursive: true); }
    }
}
