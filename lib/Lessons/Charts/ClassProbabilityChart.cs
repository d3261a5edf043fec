using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// What the classifier thinks of one headline: a bar per class with its softmax probability; the predicted
/// class is drawn in full colour, the true class (if given) outlined.
/// </summary>
public static class ClassProbabilityChart
{
    public static GenericChart Create(IReadOnlyList<string> classes, IReadOnlyList<double> probabilities, string? headline = null, int? actual = null)
    {
        if (classes.Count != probabilities.Count)
            throw new ArgumentException($"{classes.Count} classes but {probabilities.Count} probabilities.", nameof(probabilities));
        if (classes.Count == 0) throw new ArgumentException("No classes.", nameof(classes));
        if (actual is { } a && (a < 0 || a >= classes.Count))
            throw new ArgumentOutOfRangeException(nameof(actual), $"Class {a} is outside 0..{classes.Count - 1}.");
        int predicted = 0;
        for (int c = 1; c < probabilities.Count; c++) if (probabilities[c] > probabilities[predicted]) predicted = c;

        var figure = new Figure()
            .Title(headline is null ? Words.Text("chart.probabilities") : Words.Format("chart.probabilities-for", ChartStyle.Shortened(headline, 70)))
            .Size(Math.Max(640, 160 + classes.Count * 90), 440);
        var bar = figure.Add("bar");
        bar["x"] = classes.Select(ChartStyle.Label).ToArray();
        bar["y"] = ChartStyle.Percents(probabilities);
        bar["text"] = probabilities.Select(p => p.ToString("P1", Culture)).ToArray();
        bar["textposition"] = "outside";
        bar["marker"] = new Dictionary<string, object?>
        {
            ["color"] = Enumerable.Range(0, classes.Count).Select(c => c == predicted ? ChartStyle.RunColor(0) : "#c7d3e3").ToArray(),
            ["line"] = new Dictionary<string, object?>
            {
                ["color"] = Enumerable.Range(0, classes.Count).Select(c => c == actual ? "#222" : "rgba(0,0,0,0)").ToArray(),
                ["width"] = 3,
            },
        };
        bar["hovertemplate"] = $"%{{x}}: {ChartStyle.PercentText("y", 2)}<extra></extra>";
        int longest = classes.Max(c => c.Length);
        figure.Layout["xaxis"] = ChartStyle.Axis(actual is { } t ? Words.Format("chart.class-outlined", ChartStyle.Label(classes[t])) : Words.Text("chart.class"),
            ChartStyle.TickAngleFor(classes.Count, longest));
        var y = ChartStyle.PercentTicks(ChartStyle.Axis(Words.Text("chart.probability")));
        y["range"] = new[] { 0.0, 110.0 };
        figure.Layout["yaxis"] = y;
        figure.Layout["showlegend"] = false;
        return figure.Build();
    }
}
