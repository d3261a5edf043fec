using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lessons.Charts;
using Lessons.Runner;
using Lessons.Tests.Charts;
using Lessons.Tests.Runner;

namespace Lessons.Tests.Notebooks;

/// <summary>A fact that needs Jupyter's nbconvert (and, when asked, the `.net-csharp` kernel) and Chromium; skipped, saying which is missing.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute(bool kernel)
    {
        string? missing = JupyterTools.Missing(kernel) ?? (HeadlessChromium.Find() is null ? HeadlessChromium.NotFoundMessage : null);
        if (missing is not null) Skip = "Notebook chart test skipped: " + missing;
    }
}

/// <summary>
/// Charts in notebooks, as the front ends show them. charts.ipynb starts with the lesson notebooks' first cell, then
/// shows a chart as a cell's value (1 trace) and one through Kit.Show (3 traces).
/// </summary>
[Collection(nameof(LessonNotebooks))]
[Trait(Lane.Name, Lane.Slow)]
public sealed class OfflineChartTests : IDisposable
{
    static readonly int[] Traces = [1, 3];
    /// <summary>How long one browser run may take: pages of 4 MB on a busy shared machine.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    static readonly string Notebook = TestNotebooks.Path_("charts.ipynb");
    readonly string folder = Directory.CreateTempSubdirectory("lessons-offline-charts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [JupyterFact(kernel: true)]
    public void Charts_executed_in_jupyter_draw_with_no_network_and_do_not_without_the_kits_plotly_js()
    {
        string executed = JupyterTools.Execute(Notebook, folder);
        string withheld = Path.Combine(folder, "charts-withheld.ipynb");
        File.WriteAllText(withheld, WithoutPlotlyJs(File.ReadAllText(executed)));

        var drawn = Report(JupyterTools.ExportHtml(executed, folder), scripts: true);
        var blank = Report(JupyterTools.ExportHtml(withheld, folder), scripts: true);

        Assert.Equal(Traces, drawn.Select(c => c.Data));
        Assert.Equal(Traces, drawn.Select(c => c.Drawn));
        Assert.All(drawn, c => Assert.True(c.Svgs > 0, "a chart drew no SVG"));
        Assert.Equal(Traces.Length, blank.Count);
        Assert.All(blank, c => Assert.Equal((0, 0, 0), (c.Data, c.Drawn, c.Svgs)));
    }

    [JupyterFact(kernel: false)]
    public async Task A_saved_notebook_exported_by_nbconvert_shows_a_picture_of_each_chart_with_scripts_off()
    {
        string saved = Path.Combine(folder, "charts.ipynb");
        var chromium = HeadlessChromium.Find()!;
        var result = await new NotebookRunner(new RunnerOptions { OutputPath = saved, Screenshot = chromium.ScreenshotPng })
            .RunAsync(Notebook);
        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);

        var charts = Report(JupyterTools.ExportHtml(saved, folder), scripts: false);

        Assert.Equal(Traces.Length, charts.Count);
        Assert.All(charts, c => Assert.Equal((1, 0), (c.Images, c.Svgs)));
        var outputs = TestNotebooks.CodeCells(NotebookFile.Read(saved)).SelectMany(c => c.Outputs).Select(NotebookOutputs.DataOf)
            .OfType<IDictionary<string, object>>().Select(NotebookOutputs.HtmlOf);
        var pictures = outputs.Select(html => Regex.Match(html,
            "<img alt=\"chart\" width=\"(\\d+)\" height=\"(\\d+)\" src=\"data:image/png;base64,([^\"]+)\">")).Where(m => m.Success).ToList();
        Assert.Equal(Traces.Length, pictures.Count);
        foreach (var picture in pictures)
        {
            string png = Path.Combine(folder, "chart.png");
            File.WriteAllBytes(png, Convert.FromBase64String(picture.Groups[3].Value));
            var (width, height, colors) = PngPixels.Inspect(png);
            Assert.Equal((int.Parse(picture.Groups[1].Value), int.Parse(picture.Groups[2].Value)), (width, height));
            Assert.True(colors > 10, $"a chart's picture has only {colors} colours");
        }
    }

    sealed record ChartReport(int Data, int Drawn, int Svgs, int Images);

    /// <summary>
    /// Opens an exported page in headless Chromium with every host unreachable (and, when asked, scripts off) and reads,
    /// for every chart container, the traces plotly.js holds and drew, its SVGs and its pictures.
    /// </summary>
    List<ChartReport> Report(string page, bool scripts)
    {
        string browser = HeadlessChromium.Find()!.Executable;
        string[] offline = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"];
        if (!scripts)
        {
            // Scripts off for the page (Chromium's own switch also stops --dump-dom, which reads the DOM by script).
            string exported = File.ReadAllText(page);
            Assert.Contains("<head>", exported);
            File.WriteAllText(page, exported.Replace("<head>",
                "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">", StringComparison.Ordinal));
            var dom = new HeadlessChromium(browser) { ExtraArguments = offline, Timeout = Patience }.DumpDom(page);
            return [.. Regex.Matches(dom, "<div [^>]*class=\"lessons-chart\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Select(m =>
                new ChartReport(0, 0, Regex.Count(m.Groups[1].Value, "<svg"), Regex.Count(m.Groups[1].Value, "<img [^>]*src=\"data:image/png;base64,")))];
        }
        string html = File.ReadAllText(page);
        File.WriteAllText(page, html.Replace("</body>", """
            <script>
            window.addEventListener('load', function () { setTimeout(function () {
              var charts = Array.from(document.querySelectorAll('.lessons-chart')).map(function (c) {
                return { data: c.data ? c.data.length : 0,
                         drawn: c.querySelectorAll('.scatterlayer .trace, .barlayer .trace').length,
                         svgs: c.querySelectorAll('svg.main-svg').length, images: c.querySelectorAll('img').length };
              });
              var out = document.createElement('pre'); out.id = 'lessons-report'; out.textContent = JSON.stringify(charts);
              document.body.appendChild(out);
            }, 1000); });
            </script>
            </body>
            """));
        var drawn = new HeadlessChromium(browser) { ExtraArguments = offline, Timeout = Patience }
            .DumpDom(page, TimeSpan.FromSeconds(10));
        var report = Regex.Match(drawn, "<pre id=\"lessons-report\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(report.Success, $"{page} did not report: {drawn[..Math.Min(300, drawn.Length)]}");
        return [.. JsonDocument.Parse(WebUtility.HtmlDecode(report.Groups[1].Value)).RootElement.EnumerateArray().Select(c =>
            new ChartReport(c.GetProperty("data").GetInt32(), c.GetProperty("drawn").GetInt32(), c.GetProperty("svgs").GetInt32(),
                c.GetProperty("images").GetInt32()))];
    }

    /// <summary>The executed notebook without the output that brought plotly.js (what a page without the kit's plotly.js shows).</summary>
    static string WithoutPlotlyJs(string notebook)
    {
        var root = JsonNode.Parse(notebook)!;
        int removed = 0;
        foreach (var cell in root["cells"]!.AsArray())
        {
            if (cell!["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs.ToList())
                if (output!["data"]?["text/html"] is { } html && html.ToJsonString().Contains("data-lessons-plotly", StringComparison.Ordinal))
                {
                    outputs.Remove(output);
                    removed++;
                }
        }
        Assert.True(removed == 1, $"the executed notebook has {removed} outputs with the kit's plotly.js, not 1");
        return root.ToJsonString();
    }
}
