using Lessons.Inspection;
using Lessons.Training;
using Microsoft.Data.Analysis;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// Several variants (RNN/LSTM/GRU, uni/bi, 1/2 layers) side by side, one colour per variant, each measure in its own
/// panel: test accuracy of the epoch each run kept (a dot on an axis zoomed to the data, so small differences show; the axis title says
/// it is zoomed), seconds per epoch and recurrent parameters (bars from zero; the embedding, most of every model's
/// parameters and the same in all variants, would hide what the architecture changes). Runs with the same name are
/// seeds of one variant: the chart shows their mean with error bars from the lowest to the highest seed.
/// <see cref="Table"/> gives the same numbers, and every part of the parameters, as a DataFrame.
/// </summary>
public static class VariantComparisonChart
{
    /// <summary>The comparison; <paramref name="parameters"/>[i] are the parameters of <paramref name="runs"/>[i].</summary>
    public static GenericChart Create(IReadOnlyList<History> runs, IReadOnlyList<ParameterCounts> parameters, string? title = null)
    {
        var rows = VariantSummary.Of(runs, parameters);
        if (rows.Count == 0) throw new ArgumentException("No runs to compare.", nameof(runs));
        var names = rows.Select(r => ChartStyle.Label(r.Run)).ToArray();
        int maxSeeds = rows.Max(r => r.Seeds.Count);
        int angle = ChartStyle.TickAngleFor(rows.Count * 3, rows.Max(r => r.Run.Length));
        var figure = new Figure()
            .Title(maxSeeds == 1 ? title ?? Words.Text("chart.comparison")
                : Words.Format("chart.comparison-seeds", title ?? Words.Text("chart.comparison"), SeedCount(rows)))
            .Size(Math.Max(1000, 300 + rows.Count * 3 * 34), 540);
        const double gap = 0.12;
        var labels = new List<Dictionary<string, object?>>();
        double width = (1 - 2 * gap) / 3;

        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var percent = new SeedSpread(ChartStyle.Percent(row.TestAccuracy.Mean), ChartStyle.Percent(row.TestAccuracy.Min),
                ChartStyle.Percent(row.TestAccuracy.Max));
            var accuracy = Trace(figure, names[r], r, "", "scatter", percent);
            accuracy["mode"] = "markers";
            accuracy["marker"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(r), ["size"] = 12 };
            accuracy["showlegend"] = true;
            // The mean's label above the top of the variant's own error bar: beside the dot it ran into the next
            // variant's error bar.
            labels.Add(new Dictionary<string, object?>
            {
                ["x"] = names[r], ["y"] = percent.Max, ["xref"] = "x", ["yref"] = "y",
                ["text"] = ChartStyle.Number(row.TestAccuracy.Mean, "P1"), ["showarrow"] = false,
                ["yanchor"] = "bottom", ["yshift"] = 8,
            });
            accuracy["hovertemplate"] = Hover(names[r], Words.Text("chart.accuracy-chosen"), row.TestAccuracy, row.Seeds.Count, v => ChartStyle.Number(v, "P1"));

            var seconds = Trace(figure, names[r], r, "2", "bar", row.SecondsPerEpoch);
            seconds["marker"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(r) };
            seconds["texttemplate"] = "%{y:.2f}";
            // Above the bar, or at the top inside it, the label would sit on the error bar: in the bar's middle.
            if (row.Seeds.Count > 1) (seconds["textposition"], seconds["insidetextanchor"]) = ("inside", "middle");
            seconds["hovertemplate"] = Hover(names[r], Words.Text("chart.seconds-per-epoch"), row.SecondsPerEpoch, row.Seeds.Count, v => ChartStyle.Number(v, "0.00"));

            var counts = row.Parameters;
            var recurrent = Trace(figure, names[r], r, "3", "bar", new SeedSpread(counts.Recurrent, counts.Recurrent, counts.Recurrent));
            recurrent["marker"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(r) };
            recurrent["texttemplate"] = "%{y:" + ChartStyle.CountFormat + "}";
            recurrent["hovertemplate"] = Words.Format("chart.parameters-hover", names[r], counts.Recurrent, counts.Embedding,
                counts.Output, counts.Total);
        }

        var panels = new (string Axis, string Title, string Format)[]
        {
            ("", Words.Text("chart.accuracy-zoomed"), ".1f"),
            ("2", Words.Text("chart.seconds-per-epoch"), ".2f"),
            ("3", Words.Text("chart.recurrent-parameters"), ChartStyle.CountFormat),
        };
        for (int p = 0; p < panels.Length; p++)
        {
            var (axis, label, format) = panels[p];
            var x = ChartStyle.Axis(Words.Text("chart.run"), angle);
            x["domain"] = new[] { p * (width + gap), p * (width + gap) + width };
            x["anchor"] = "y" + axis;
            x["categoryorder"] = "array";
            x["categoryarray"] = names;
            var y = ChartStyle.Axis(label);
            y["anchor"] = "x" + axis;
            y["tickformat"] = format;
            if (p == 0)
            {
                ChartStyle.PercentTicks(y, 1);
                y["range"] = ZoomedRange(rows.Select(r => r.TestAccuracy).ToList()).Select(ChartStyle.Percent).ToArray();
            }
            else y["rangemode"] = "tozero";
            figure.Layout["xaxis" + axis] = x;
            figure.Layout["yaxis" + axis] = y;
        }
        // One bar per category and trace: "relative" keeps each bar full width instead of leaving a slot per run.
        figure.Layout["barmode"] = "relative";
        figure.Layout["annotations"] = labels;
        return figure.Build();
    }

    /// <summary>
    /// The comparison as a DataFrame: run, test accuracy and chosen epoch, validation accuracy, final accuracy, seconds per epoch, samples
    /// per second, share of padding cells, parameters by part.
    /// </summary>
    public static DataFrame Table(IReadOnlyList<History> runs, IReadOnlyList<ParameterCounts> parameters) =>
        VariantSummary.ToDataFrame(runs, parameters);

    /// <summary>
    /// An axis range around the values and their error bars, with a margin of a quarter of their span (at least half a
    /// percentage point), kept inside 0..1: differences of a point are visible, not flattened against 0..100%.
    /// </summary>
    internal static double[] ZoomedRange(IReadOnlyList<SeedSpread> values)
    {
        double low = values.Min(v => v.Min), high = values.Max(v => v.Max);
        double margin = Math.Max(0.25 * (high - low), 0.005);
        return [Math.Max(0, low - margin), Math.Min(1, high + margin)];
    }

    /// <summary>A trace of one variant in one panel: the mean, with min–max error bars when it has several seeds.</summary>
    static Dictionary<string, object?> Trace(Figure figure, string name, int index, string axis, string type, SeedSpread value)
    {
        var trace = figure.Add(type);
        trace["name"] = name;
        trace["legendgroup"] = name;
        trace["showlegend"] = false;
        trace["x"] = new[] { name };
        trace["y"] = new[] { value.Mean };
        trace["textposition"] = "outside";
        trace["cliponaxis"] = false;
        trace["xaxis"] = "x" + axis;
        trace["yaxis"] = "y" + axis;
        if (value.Max > value.Min)
            trace["error_y"] = new Dictionary<string, object?>
            {
                ["type"] = "data", ["symmetric"] = false,
                ["array"] = new[] { value.Max - value.Mean }, ["arrayminus"] = new[] { value.Mean - value.Min },
                ["color"] = "#2a3f5f", ["thickness"] = 1.5, ["width"] = 6,
            };
        return trace;
    }

    static string Hover(string name, string label, SeedSpread value, int seeds, Func<double, string> format) =>
        seeds == 1
            ? $"{name}<br>{label}: {format(value.Mean)}<extra></extra>"
            : Words.Format("chart.seeds-hover", name, label, format(value.Mean), seeds, format(value.Min), format(value.Max));

    static string SeedCount(IReadOnlyList<VariantSummary> rows)
    {
        int min = rows.Min(r => r.Seeds.Count), max = rows.Max(r => r.Seeds.Count);
        return min == max ? Words.Format("chart.seed-count", max) : Words.Format("chart.seed-counts", min, max);
    }
}
