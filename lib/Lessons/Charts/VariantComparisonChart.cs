using Lessons.Inspection;
using Lessons.Training;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace Lessons.Charts;

/// <summary>
/// Several variants (RNN/LSTM/GRU, uni/bi, 1/2 layers) side by side: test accuracy of the chosen epoch, seconds per epoch and
/// parameter count, each in its own panel (their scales differ), one bar and one colour per run, the run's name
/// in the legend and under its bars. <see cref="Table"/> gives the same numbers as a DataFrame.
/// </summary>
public static class VariantComparisonChart
{
    public static GenericChart Create(IEnumerable<History> runs, string title = "Comparison of variants")
    {
        var rows = VariantSummary.Of(runs);
        if (rows.Count == 0) throw new ArgumentException("No runs to compare.", nameof(runs));
        var names = rows.Select(r => ChartStyle.Label(r.Run)).ToArray();
        int angle = ChartStyle.TickAngleFor(rows.Count * 3, rows.Max(r => r.Run.Length));
        var figure = new Figure().Title(title).Size(Math.Max(1000, 300 + rows.Count * 3 * 34), 540);
        var panels = new (string Axis, string Title, Func<VariantSummary, double> Value, string Format)[]
        {
            ("", "test accuracy (chosen epoch)", r => r.TestAccuracy, ".1%"),
            ("2", "seconds per epoch", r => r.SecondsPerEpoch, ".2f"),
            ("3", "parameters", r => r.Parameters, ".3~s"),
        };
        const double gap = 0.1;
        double width = (1 - 2 * gap) / 3;
        for (int p = 0; p < panels.Length; p++)
        {
            var (axis, label, value, format) = panels[p];
            for (int r = 0; r < rows.Count; r++)
            {
                var bar = figure.Add("bar");
                bar["name"] = names[r];
                bar["legendgroup"] = names[r];
                bar["showlegend"] = p == 0;
                bar["x"] = new[] { names[r] };
                bar["y"] = new[] { value(rows[r]) };
                bar["marker"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(r) };
                bar["texttemplate"] = $"%{{y:{format}}}";
                bar["textposition"] = "outside";
                bar["cliponaxis"] = false;
                bar["xaxis"] = "x" + axis;
                bar["yaxis"] = "y" + axis;
                bar["hovertemplate"] = $"%{{x}}<br>{label}: %{{y:{format}}}<extra></extra>";
            }
            var x = ChartStyle.Axis("run", angle);
            x["domain"] = new[] { p * (width + gap), p * (width + gap) + width };
            x["anchor"] = "y" + axis;
            x["categoryorder"] = "array";
            x["categoryarray"] = names;
            var y = ChartStyle.Axis(label);
            y["anchor"] = "x" + axis;
            y["tickformat"] = format;
            y["rangemode"] = "tozero";
            if (p == 0) y["range"] = new[] { 0.0, 1.05 };
            figure.Layout["xaxis" + axis] = x;
            figure.Layout["yaxis" + axis] = y;
        }
        // One bar per category and trace: "relative" keeps each bar full width instead of leaving a slot per run.
        figure.Layout["barmode"] = "relative";
        return figure.Build();
    }

    /// <summary>The comparison as a DataFrame: run, test accuracy and validation accuracy of the chosen epoch, final accuracy, seconds per epoch, parameters.</summary>
    public static DataFrame Table(IEnumerable<History> runs) => VariantSummary.ToDataFrame(runs);
}
