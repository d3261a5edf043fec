using Lessons.Training;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// Loss (left) and accuracy (right) against samples seen, for one or more runs: train solid, test dashed, one
/// colour per run named in the legend (clicking a run's name hides all four of its lines).
/// </summary>
public static class TrainingCurvesChart
{
    public static GenericChart Create(params History[] runs) => Create((IEnumerable<History>)runs);

    public static GenericChart Create(IEnumerable<History> runs, string? title = null)
    {
        var list = runs.ToList();
        if (list.Count == 0) throw new ArgumentException("No runs to plot.", nameof(runs));
        var figure = new Figure().Title(title ?? Words.Text("chart.training-curves")).Size(1100, 480);
        for (int r = 0; r < list.Count; r++)
        {
            var run = list[r];
            var x = run.Epochs.Select(e => e.SamplesSeen).ToArray();
            string color = ChartStyle.RunColor(r);
            string name = ChartStyle.Label(run.Name);
            AddLine(figure, name, color, Words.Text("chart.train-loss"), x, run.Epochs.Select(e => e.TrainLoss), "x", "y", dash: false, showLegend: true);
            AddLine(figure, name, color, Words.Text("chart.test-loss"), x, run.Epochs.Select(e => e.Test.Loss), "x", "y", dash: true, showLegend: false);
            AddLine(figure, name, color, Words.Text("chart.train-accuracy"), x, ChartStyle.Percents(run.Epochs.Select(e => e.TrainAccuracy)), "x2", "y2", dash: false, showLegend: false, ChartStyle.PercentText("y", 2));
            AddLine(figure, name, color, Words.Text("chart.test-accuracy"), x, ChartStyle.Percents(run.Epochs.Select(e => e.Test.Accuracy)), "x2", "y2", dash: true, showLegend: false, ChartStyle.PercentText("y", 2));
        }
        var accuracyAxis = ChartStyle.PercentTicks(ChartStyle.Axis(Words.Text("chart.accuracy")));
        accuracyAxis["range"] = new[] { 0.0, 100.0 };
        accuracyAxis["anchor"] = "x2";
        var accuracySamples = Axis(Words.Text("chart.samples-seen"), 0.56, 1);
        accuracySamples["anchor"] = "y2";
        var layout = figure.Layout;
        layout["xaxis"] = Axis(Words.Text("chart.samples-seen"), 0, 0.44);
        layout["xaxis2"] = accuracySamples;
        layout["yaxis"] = ChartStyle.Axis(Words.Text("chart.cross-entropy"));
        layout["yaxis2"] = accuracyAxis;
        layout["legend"] = new Dictionary<string, object?> { ["title"] = new Dictionary<string, object?> { ["text"] = Words.Text("chart.run-legend") } };
        layout["hovermode"] = "x unified";
        return figure.Build();
    }

    static void AddLine(Figure figure, string run, string color, string series, long[] x, IEnumerable<double> y,
        string xaxis, string yaxis, bool dash, bool showLegend, string value = "%{y:.4f}")
    {
        var trace = figure.Add("scatter");
        trace["mode"] = x.Length == 1 ? "markers" : "lines+markers";
        trace["name"] = run;
        trace["legendgroup"] = run;
        trace["showlegend"] = showLegend;
        trace["x"] = x;
        trace["y"] = y.ToArray();
        trace["xaxis"] = xaxis;
        trace["yaxis"] = yaxis;
        trace["line"] = new Dictionary<string, object?> { ["color"] = color, ["dash"] = dash ? "dash" : "solid", ["width"] = 2 };
        trace["marker"] = new Dictionary<string, object?> { ["color"] = color, ["size"] = 5 };
        trace["hovertemplate"] = $"{run} {series}: {value}<extra></extra>";
    }

    static Dictionary<string, object?> Axis(string title, double from, double to)
    {
        var axis = ChartStyle.Axis(title);
        axis["domain"] = new[] { from, to };
        axis["tickformat"] = ChartStyle.CountFormat;
        return axis;
    }
}
