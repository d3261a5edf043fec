using System.Text.RegularExpressions;
using Lessons.Charts;
using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

/// <summary>
/// kit.ipynb loads the kit as the lesson notebooks do (<c>#r "nuget: Lessons.Notebooks, 0.1.0-dev"</c> from
/// artifacts/packages, then <c>Kit.Load()</c>), makes a tensor and draws a Plotly chart. It runs once (a NuGet restore
/// and LibTorch start-up take seconds), in quick mode, with an HTML export and chart pictures (where Chromium is); the
/// tests read the notebook it wrote.
/// </summary>
public sealed class KitNotebookRun : IAsyncLifetime
{
    public string HtmlFolder { get; } = Directory.CreateTempSubdirectory("lessons-html-").FullName;
    public NotebookRunResult Result { get; private set; } = null!;
    public List<InteractiveDocumentElement> Cells { get; private set; } = null!;
    public long SavedBytes { get; private set; }

    public async Task InitializeAsync()
    {
        var chromium = HeadlessChromium.Find();
        var options = new RunnerOptions
        {
            Quick = true, HtmlDirectory = HtmlFolder, Screenshot = chromium is null ? null : chromium.ScreenshotPng,
        };
        var (result, executed, bytes) = await TestNotebooks.RunAsync("kit.ipynb", options);
        (Result, Cells, SavedBytes) = (result, TestNotebooks.CodeCells(executed), bytes);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(HtmlFolder, recursive: true);
        return Task.CompletedTask;
    }
}

[Trait(Lane.Name, Lane.Slow)]
public class KitNotebookTests(KitNotebookRun run) : IClassFixture<KitNotebookRun>
{
    [Fact]
    public void The_first_cell_loads_the_kit_and_a_tensor_computes()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailedCell?.Error?.Message);
        string banner = run.Cells[0].Outputs.OfType<TextElement>().Single().Text;
        Assert.Matches(@"^Lessons \S+ · TorchSharp 0\.107\.0 · \.NET 10\.\S+ \(\S+\) · device (cpu|cuda) · quick mode ON", banner);
        Assert.Equal("3,12\n", run.Cells[1].Outputs.OfType<TextElement>().Single().Text);
        Assert.Equal("quick\n", run.Cells[2].Outputs.OfType<TextElement>().Single().Text);
    }

    [Fact]
    public void A_chart_is_a_small_output_that_draws_with_the_plotly_js_of_the_first_cell_and_holds_its_picture()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailedCell?.Error?.Message);
        // The kit's formatter (registered by Kit.Load) drew the chart: a container, and a script with the figure. The
        // notebook was saved, so the container's random session id became the notebook's name and a count.
        var chart = Assert.IsType<ReturnValueElement>(Assert.Single(run.Cells[3].Outputs));
        string html = TestNotebooks.Text(chart.Data["text/html"]);
        Assert.Matches("^<div id=\"lessons-chart-kit-1\" class=\"lessons-chart\" data-width=\"\\d+\" data-height=\"\\d+\" data-alt=\"chart\">", html);
        Assert.Contains("\"y\":[2,4,3]", html);
        Assert.Contains("window.Plotly.newPlot(element", html);
        Assert.DoesNotContain(PlotlyScript.Source[..200], html);                 // plotly.js is not in the chart
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.False(chart.Data.ContainsKey("image/png"));                       // the picture is inside the HTML
        if (HeadlessChromium.Find() is not null)
            Assert.Matches("class=\"lessons-chart\"[^>]*><img alt=\"chart\" width=\"\\d+\" height=\"\\d+\" src=\"data:image/png;base64,iVBORw0KGgo", html);
        else
            Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void The_saved_first_cell_keeps_a_line_about_plotly_js_not_plotly_js_and_no_build_stamp()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailedCell?.Error?.Message);
        var displays = run.Cells[0].Outputs.OfType<DisplayElement>().ToList();
        var plotly = Assert.Single(displays, d => d.Data.ContainsKey("text/plain") &&
            TestNotebooks.Text(d.Data["text/plain"]).StartsWith("plotly.js ", StringComparison.Ordinal));
        Assert.Equal($"plotly.js {PlotlyScript.Version} loaded for this notebook's charts (no network needed).",
            TestNotebooks.Text(plotly.Data["text/plain"]));
        Assert.False(plotly.Data.ContainsKey("text/html"));
        Assert.InRange(run.SavedBytes, 1, 200_000);
        // "Installed Packages" and the banner name the kit's version without the build's time stamp.
        string first = string.Concat(run.Cells[0].Outputs.Select(o => o switch
        {
            TextElement t => t.Text,
            DisplayElement d => string.Concat(d.Data.Values.Select(TestNotebooks.Text)),
            _ => "",
        }));
        Assert.Contains("Lessons.Notebooks, 0.1.0-dev<", first);
        Assert.DoesNotMatch(@"-dev\.\d{14}", first);
    }

    [Fact]
    public void Kit_show_is_a_live_display_that_ends_as_one_output_in_its_final_state()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailedCell?.Error?.Message);
        Assert.Collection(run.Cells[4].Outputs,
            o => Assert.Equal("epoch 3/3", TestNotebooks.Text(Assert.IsType<DisplayElement>(o).Data["text/plain"])),
            o => Assert.Equal("True\n", Assert.IsType<TextElement>(o).Text));
    }

    [Fact]
    public void The_html_export_holds_plotly_js_once_and_fetches_nothing()
    {
        string page = File.ReadAllText(Path.Combine(run.HtmlFolder, "kit.html"));
        Assert.Single(Regex.Matches(page, Regex.Escape(PlotlyScript.Source[..200])));
        Assert.DoesNotMatch("<script[^>]+src=", page);
        Assert.Contains("<h1 id=\"kit\">Kit</h1>", page);
    }
}
