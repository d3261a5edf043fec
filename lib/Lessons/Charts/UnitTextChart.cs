using Lessons.Models;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// One hidden unit's activation painted over the words of several headlines (Karpathy, Johnson, Fei-Fei 2015,
/// "Visualizing and Understanding Recurrent Networks"): each word sits in a cell coloured by the unit's value
/// after reading it (blue −1, white 0, red +1). Long headlines wrap onto several lines of <c>wordsPerLine</c> words;
/// a wider white gap separates one headline from the next. Cells after a headline's last word stay empty: no value,
/// no text, no hover.
/// </summary>
public static class UnitTextChart
{
    public static GenericChart Create(IReadOnlyList<CellTrace> traces, int unit, int wordsPerLine = 14, string? title = null)
    {
        if (traces.Count == 0) throw new ArgumentException("No traces to draw.", nameof(traces));
        if (wordsPerLine < 1) throw new ArgumentOutOfRangeException(nameof(wordsPerLine), "At least one word per line.");
        int units = traces[0].Hidden.GetLength(1);
        if (unit < 0 || unit >= units) throw new ArgumentOutOfRangeException(nameof(unit), $"Unit {unit} is outside 0..{units - 1}.");

        var z = new List<double?[]>();
        var text = new List<string[]>();
        var lineNames = new List<string>();
        var headlineStarts = new List<int>();
        for (int h = 0; h < traces.Count; h++)
        {
            var trace = traces[h];
            if (trace.Hidden.GetLength(0) != trace.Tokens.Count)
                throw new ArgumentException($"Trace {h} has {trace.Tokens.Count} tokens but {trace.Hidden.GetLength(0)} hidden steps.", nameof(traces));
            headlineStarts.Add(z.Count);
            for (int start = 0; start < Math.Max(1, trace.Tokens.Count); start += wordsPerLine)
            {
                var zs = new double?[wordsPerLine];
                // Empty strings, not nulls: plotly.js prints a null text as "null".
                var words = Enumerable.Repeat("", wordsPerLine).ToArray();
                for (int i = 0; i < wordsPerLine && start + i < trace.Tokens.Count; i++)
                {
                    zs[i] = trace.Hidden[start + i, unit];
                    words[i] = ChartStyle.Label(trace.Tokens[start + i]);
                }
                z.Add(zs);
                text.Add(words);
                lineNames.Add(start == 0 ? $"#{h + 1}" : $"#{h + 1} (+{start})");
            }
        }

        int longest = traces.SelectMany(t => t.Tokens).Select(t => t.Length).DefaultIfEmpty(4).Max();
        int cell = Math.Clamp(8 * longest + 10, 40, 110);
        var figure = new Figure()
            .Title(title ?? Words.Format(traces.Count == 1 ? "chart.unit-over-one" : "chart.unit-over", unit, traces.Count))
            .Size(Math.Max(520, 200 + wordsPerLine * cell), Math.Max(260, 150 + z.Count * 26));
        var heatmap = figure.Add("heatmap");
        heatmap["z"] = z.ToArray();
        heatmap["text"] = text.ToArray();
        heatmap["texttemplate"] = "%{text}";
        heatmap["textfont"] = new Dictionary<string, object?> { ["size"] = 12 };
        heatmap["y"] = lineNames.ToArray();
        heatmap["zmin"] = -1.0;
        heatmap["zmax"] = 1.0;
        heatmap["zmid"] = 0.0;
        heatmap["colorscale"] = ChartStyle.DivergingScale;
        heatmap["xgap"] = 1;
        heatmap["ygap"] = 1;
        heatmap["hoverongaps"] = false;
        heatmap["colorbar"] = new Dictionary<string, object?> { ["title"] = new Dictionary<string, object?> { ["text"] = Words.Format("chart.unit", unit) } };
        heatmap["hovertemplate"] = "%{text}<br>" + Words.Format("chart.unit", unit) + " = %{z:.3f}<extra></extra>";
        var x = ChartStyle.Axis(Words.Format("chart.word-of-line", wordsPerLine));
        // Numbered ticks, not none: without tick labels plotly.js puts the axis title above the plot.
        x["tickmode"] = "array";
        x["tickvals"] = Enumerable.Range(0, wordsPerLine).ToArray();
        x["ticktext"] = Enumerable.Range(1, wordsPerLine).Select(i => i.ToString(Culture)).ToArray();
        x["showgrid"] = false;
        figure.Layout["xaxis"] = x;
        var y = ChartStyle.Axis(Words.Text("chart.headline"));
        y["autorange"] = "reversed";
        y["showgrid"] = false;
        y["type"] = "category";
        figure.Layout["yaxis"] = y;
        figure.Layout["plot_bgcolor"] = "white";
        // Rows sit at 0, 1, 2, ... on the category axis: a thick white line half a row above each new headline.
        figure.Layout["shapes"] = headlineStarts.Skip(1).Select(row => new Dictionary<string, object?>
        {
            ["type"] = "line", ["xref"] = "paper", ["x0"] = 0, ["x1"] = 1, ["yref"] = "y", ["y0"] = row - 0.5, ["y1"] = row - 0.5,
            ["line"] = new Dictionary<string, object?> { ["color"] = "white", ["width"] = 8 },
        }).ToArray();
        return figure.Build();
    }
}
