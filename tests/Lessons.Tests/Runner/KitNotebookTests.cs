using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

/// <summary>
/// kit.ipynb loads the kit as the lesson notebooks do (<c>#r "nuget: Lessons, *-*"</c> from artifacts/packages, then
/// <c>Kit.Load()</c>), makes a tensor and draws a Plotly chart. It runs once (a NuGet restore and LibTorch start-up
/// take seconds), in quick mode, with an HTML export and chart PNGs; the tests read its outputs.
/// </summary>
public sealed class KitNotebookRun : IAsyncLifetime
{
    public string HtmlFolder { get; } = Directory.CreateTempSubdirectory("lessons-html-").FullName;
    public NotebookRunResult Result { get; private set; } = null!;
    public List<InteractiveDocumentElement> Cells { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (result, executed) = await TestNotebooks.RunAsync("kit.ipynb", new RunnerOptions { Quick = true, HtmlDirectory = HtmlFolder });
        (Result, Cells) = (result, TestNotebooks.CodeCells(executed));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(HtmlFolder, recursive: true);
        return Task.CompletedTask;
    }
}

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
    public void A_plotly_chart_displays_as_html_through_the_package_kernel_extension_with_a_png()
    {
        Assert.True(run.Result.Succeeded, run.Result.FailedCell?.Error?.Message);
        // Plotly.NET.Interactive's formatter (a kernel extension inside a package) drew the chart as HTML.
        var chart = Assert.IsType<ReturnValueElement>(Assert.Single(run.Cells[3].Outputs));
        string html = TestNotebooks.Text(chart.Data["text/html"]);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"y\":[2,4,3]", html);
        Assert.InRange(html.Length, 1, 100_000);                                  // plotly.js (4.8 MB) referenced, not embedded
        if (ChartImages.FindChromium() is not null)
            Assert.StartsWith("iVBORw0KGgo", TestNotebooks.Text(chart.Data[ChartImages.PngMimeType]));   // a PNG beside the HTML
        else
            Assert.False(chart.Data.ContainsKey(ChartImages.PngMimeType));
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
    public void The_html_export_loads_plotly_once_from_beside_it()
    {
        string page = File.ReadAllText(Path.Combine(run.HtmlFolder, "kit.html"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script src=\"plotly.min.js\"></script>"));
        Assert.DoesNotContain("<script src=\"http", page);
        Assert.Contains("<h1 id=\"kit\">Kit</h1>", page);
        Assert.True(new FileInfo(Path.Combine(run.HtmlFolder, PlotlyJs.FileName)).Length > 1_000_000);
    }
}
