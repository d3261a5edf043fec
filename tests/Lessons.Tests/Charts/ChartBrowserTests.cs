using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lessons.Charts;

namespace Lessons.Tests.Charts;

/// <summary>A fact that needs a local Chromium; skipped, with the reason shown, where there is none.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null) Skip = "Browser test skipped: " + HeadlessChromium.NotFoundMessage;
    }
}

/// <summary>Tests that start Chromium or change LESSONS_CHROMIUM run one at a time.</summary>
[CollectionDefinition("Chromium", DisableParallelization = true)]
public sealed class ChromiumCollection;

/// <summary>Charts saved as files really draw in a browser with no network.</summary>
[Collection("Chromium")]
[Trait(Lane.Name, Lane.Slow)]
public sealed class ChartBrowserTests : IDisposable
{
    readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("lessons-browser-");

    public void Dispose() => dir.Delete(recursive: true);

    [ChromiumFact]
    public void Every_kind_of_chart_saved_as_html_draws_all_its_traces_offline()
    {
        var gallery = ChartGallery.All();
        foreach (var (name, chart, _) in gallery) ChartFiles.SaveHtml(chart, Path.Combine(dir.FullName, name + ".html"));
        // One browser run for all files: a page that frames each saved file as it is and reports what plotly drew.
        var harness = Path.Combine(dir.FullName, "harness.html");
        File.WriteAllText(harness, $$"""
            <!DOCTYPE html><html><body>
            {{string.Concat(gallery.Select(g => $"<iframe src=\"{g.Name}.html\" width=\"900\" height=\"700\"></iframe>\n"))}}
            <script>
            window.addEventListener('load', function () {
              var report = Array.from(document.querySelectorAll('iframe')).map(function (frame) {
                var plots = Array.from(frame.contentDocument.querySelectorAll('.js-plotly-plot'));
                return { name: frame.getAttribute('src'), plots: plots.map(function (p) {
                  return { data: p.data.length,
                           drawn: p.querySelectorAll('.scatterlayer .trace, .barlayer .trace, .heatmaplayer .hm').length,
                           svgs: p.querySelectorAll('svg.main-svg').length }; }) };
              });
              var out = document.createElement('pre'); out.id = 'report'; out.textContent = JSON.stringify(report);
              document.body.appendChild(out);
            });
            </script></body></html>
            """);
        // Ten pages with plotly.js each: on a busy shared machine that takes longer than one page's minute.
        var chromium = new HeadlessChromium(HeadlessChromium.Find()!.Executable)
        {
            ExtraArguments = ["--allow-file-access-from-files"], Timeout = TimeSpan.FromMinutes(4),
        };

        var dom = chromium.DumpDom(harness, TimeSpan.FromSeconds(3));

        var match = Regex.Match(dom, "<pre id=\"report\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, "the harness page did not report: " + dom[..Math.Min(300, dom.Length)]);
        var report = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement.EnumerateArray().ToList();
        Assert.Equal(gallery.Count, report.Count);
        for (int i = 0; i < gallery.Count; i++)
        {
            var plots = report[i].GetProperty("plots").EnumerateArray().ToList();
            Assert.True(plots.Count == 1, $"{gallery[i].Name}: {plots.Count} plots drawn");
            Assert.Equal((gallery[i].Name, gallery[i].Traces), (gallery[i].Name, plots[0].GetProperty("data").GetInt32()));
            Assert.Equal((gallery[i].Name, gallery[i].Traces), (gallery[i].Name, plots[0].GetProperty("drawn").GetInt32()));
            Assert.True(plots[0].GetProperty("svgs").GetInt32() > 0, $"{gallery[i].Name}: no SVG drawn");
        }
    }

    [ChromiumFact]
    public void Screenshot_of_a_saved_heatmap_is_not_blank()
    {
        var html = ChartFiles.SaveHtml(HiddenStateChart.Create(ChartSamples.Trace(62, 64, 3)), Path.Combine(dir.FullName, "hidden.html"));
        var png = Path.Combine(dir.FullName, "hidden.png");

        HeadlessChromium.Find()!.Screenshot(html, png, 1200, 900);

        var (width, height, colors) = PngPixels.Inspect(png);
        Assert.Equal((1200, 900), (width, height));
        Assert.True(colors > 50, $"the screenshot has only {colors} colours");
    }
}
