using System.Reflection;
using System.Text.RegularExpressions;
using Lessons.Charts;
using Plotly.NET;

namespace Lessons.Tests.Charts;

public class ChartPageTests
{
    /// <summary>A chart's draw call in a page (plotly.js itself mentions Plotly.newPlot too, but never with a div id).</summary>
    const string NewPlot = @"Plotly\.newPlot\('[0-9a-f-]{36}'";

    [Fact]
    public void Saved_chart_embeds_plotly_js_once_and_fetches_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("lessons-charts-");
        try
        {
            var path = ChartFiles.SaveHtml(ConfusionMatrixChart.Create(ChartSamples.Confusion()), Path.Combine(dir.FullName, "sub", "confusion.html"));
            var html = File.ReadAllText(path);

            Assert.Equal(1, Regex.Count(html, Regex.Escape(PlotlyScript.Source[..200])));
            Assert.DoesNotMatch(new Regex(@"<script[^>]+src=", RegexOptions.IgnoreCase), html);
            Assert.Single(Regex.Matches(html, NewPlot));
            Assert.Matches(@"^\d+\.\d+\.\d+$", PlotlyScript.Version);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Page_of_several_charts_carries_plotly_js_once()
    {
        var page = new ChartPage("Two & more <charts>")
            .Chart(ConfusionMatrixChart.Create(ChartSamples.Confusion()))
            .Paragraph("between")
            .Chart(HiddenStateChart.Create(ChartSamples.Trace(5, 4, 1)));
        var html = page.ToHtml();

        Assert.Equal(2, page.ChartCount);
        Assert.Equal(2, Regex.Count(html, NewPlot));
        Assert.Equal(1, Regex.Count(html, Regex.Escape(PlotlyScript.Source[..200])));
        Assert.Contains("<title>Two &amp; more &lt;charts&gt;</title>", html);
    }

    [Fact]
    public void Training_report_holds_curves_confusion_and_hidden_states()
    {
        var dir = Directory.CreateTempSubdirectory("lessons-report-");
        try
        {
            var history = ChartSamples.Run("LSTM", 120_000, 3, 1);
            var path = TrainingReport.Write(Path.Combine(dir.FullName, "run"), history, ChartSamples.Trace(20, 16, 2));
            var html = File.ReadAllText(path);

            Assert.Equal(Path.Combine(dir.FullName, "run", TrainingReport.FileName), path);
            Assert.Equal(4, Regex.Count(html, NewPlot)); // curves, confusion, hidden state, gates
            Assert.Contains("Training curves", html);
            Assert.Contains($"test accuracy {history.Epochs[1].Test.Accuracy:0.00%} after epoch 2 (the epoch chosen on validation", html);
            Assert.Equal(1, Regex.Count(html, Regex.Escape(PlotlyScript.Source[..200])));

            var withoutTrace = File.ReadAllText(TrainingReport.Write(dir.FullName, history));
            Assert.Equal(2, Regex.Count(withoutTrace, NewPlot));

            var bidirectional = File.ReadAllText(TrainingReport.Write(dir.FullName, history,
                ChartSamples.Trace(20, 16, 2, "forward"), ChartSamples.Trace(20, 16, 3, "backward")));
            Assert.Equal(4, Regex.Count(bidirectional, NewPlot));
            Assert.Contains("\"xaxis2\":{\"title\":{\"text\":\"token (backward)\"}", bidirectional);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Every_gallery_chart_has_a_title_axis_titles_and_a_size()
    {
        foreach (var (name, chart, traces) in ChartGallery.All())
        {
            var json = new ChartJson(chart);
            Assert.Equal(traces, json.Traces.Count);
            Assert.False(string.IsNullOrWhiteSpace(json.Layout.GetProperty("title").GetProperty("text").GetString()), name);
            Assert.True(json.Layout.GetProperty("width").GetInt32() >= 600, name);
            foreach (var axis in json.Layout.EnumerateObject().Where(p => Regex.IsMatch(p.Name, @"^[xy]axis\d*$")))
                Assert.False(string.IsNullOrWhiteSpace(axis.Value.GetProperty("title").GetProperty("text").GetString()), $"{name}: {axis.Name} has no title");
        }
    }
}

public class PlotlyRuntimeTests
{
    [Fact]
    public void Resolver_hands_back_the_loaded_FSharp_Core_for_a_newer_minor_version_only()
    {
        _ = GenericChart.countTrace(ChartPage_Sample()); // Plotly.NET (and so FSharp.Core) is loaded
        var loaded = typeof(Microsoft.FSharp.Core.Unit).Assembly;
        var wanted = new AssemblyName($"FSharp.Core, Version={loaded.GetName().Version!.Major}.99.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");

        Assert.True(PlotlyRuntime.IsPrepared); // the library's module initializer ran
        Assert.Same(loaded, PlotlyRuntime.LoadedFSharpCoreFor(wanted));
        Assert.Null(PlotlyRuntime.LoadedFSharpCoreFor(new AssemblyName($"FSharp.Core, Version={loaded.GetName().Version!.Major + 1}.0.0.0")));
        Assert.Null(PlotlyRuntime.LoadedFSharpCoreFor(new AssemblyName("Plotly.NET, Version=6.0.0.0")));
        PlotlyRuntime.Prepare(); // idempotent
    }

    static GenericChart ChartPage_Sample() => ClassProbabilityChart.Create(["a", "b"], [0.4, 0.6]);
}
