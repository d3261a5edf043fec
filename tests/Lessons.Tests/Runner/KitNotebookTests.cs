using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

/// <summary>Notebooks that load the kit as the lessons do: <c>#r "nuget: Lessons, *-*"</c> from artifacts/packages.</summary>
public class KitNotebookTests
{
    [Fact]
    public async Task The_first_cell_loads_the_kit_and_a_tensor_computes()
    {
        var (result, executed) = await TestNotebooks.RunAsync("kit.ipynb", new RunnerOptions { Quick = true });

        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
        var cells = TestNotebooks.CodeCells(executed);
        string banner = cells[0].Outputs.OfType<TextElement>().Single().Text;
        Assert.Matches(@"^Lessons \S+ · TorchSharp 0\.107\.0 · \.NET 10\.\S+ \(\S+\) · device (cpu|cuda) · quick mode ON", banner);
        Assert.Equal("3,12\n", cells[1].Outputs.OfType<TextElement>().Single().Text);
        Assert.Equal("quick\n", cells[2].Outputs.OfType<TextElement>().Single().Text);
    }

    [Fact]
    public async Task A_plotly_chart_displays_as_html_through_the_package_kernel_extension()
    {
        var (result, executed) = await TestNotebooks.RunAsync("chart.ipynb");

        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
        var chart = Assert.Single(TestNotebooks.CodeCells(executed)[1].Outputs);
        string html = TestNotebooks.Text(Assert.IsType<ReturnValueElement>(chart).Data["text/html"]);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("[2,4,3]", html.Replace(" ", ""));
    }
}
