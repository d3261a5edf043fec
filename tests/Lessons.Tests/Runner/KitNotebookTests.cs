using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

/// <summary>Notebooks that load the kit as the lessons do: <c>#r "nuget: Lessons, *-*"</c> from artifacts/packages.</summary>
public class KitNotebookTests
{
    [Fact]
    public async Task The_first_cell_loads_the_kit_and_a_tensor_computes()
    {
        var (result, executed) = await TestNotebooks.RunAsync("kit.ipynb", new RunnerOptions { Quick = true, ChartImages = false });

        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
        var cells = TestNotebooks.CodeCells(executed);
        string banner = cells[0].Outputs.OfType<TextElement>().Single().Text;
        Assert.Matches(@"^Lessons \S+ · TorchSharp 0\.107\.0 · \.NET 10\.\S+ \(\S+\) · device (cpu|cuda) · quick mode ON", banner);
        Assert.Equal("3,12\n", cells[1].Outputs.OfType<TextElement>().Single().Text);
        Assert.Equal("quick\n", cells[2].Outputs.OfType<TextElement>().Single().Text);
    }

    [Fact]
    public async Task A_plotly_chart_displays_as_html_with_a_png_and_exports_to_an_offline_page()
    {
        string htmlFolder = Directory.CreateTempSubdirectory("lessons-html-").FullName;
        try
        {
            var (result, executed) = await TestNotebooks.RunAsync("chart.ipynb", new RunnerOptions { HtmlDirectory = htmlFolder });

            Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
            // Plotly.NET.Interactive's formatter (a kernel extension inside a package) drew the chart as HTML.
            var chart = Assert.IsType<ReturnValueElement>(Assert.Single(TestNotebooks.CodeCells(executed)[1].Outputs));
            string html = TestNotebooks.Text(chart.Data["text/html"]);
            Assert.Contains("Plotly.newPlot", html);
            Assert.Contains("\"y\":[2,4,3]", html);
            Assert.InRange(html.Length, 1, 100_000);                                  // plotly.js (4.8 MB) referenced, not embedded
            if (ChartImages.FindChromium() is not null)
                Assert.StartsWith("iVBORw0KGgo", TestNotebooks.Text(chart.Data[ChartImages.PngMimeType]));   // a PNG beside the HTML
            else
                Assert.False(chart.Data.ContainsKey(ChartImages.PngMimeType));

            string page = File.ReadAllText(Path.Combine(htmlFolder, "chart.html"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script src=\"plotly.min.js\"></script>"));
            Assert.DoesNotContain("<script src=\"http", page);
            Assert.True(new FileInfo(Path.Combine(htmlFolder, PlotlyJs.FileName)).Length > 1_000_000);
        }
        finally
        {
            Directory.Delete(htmlFolder, recursive: true);
        }
    }
}
