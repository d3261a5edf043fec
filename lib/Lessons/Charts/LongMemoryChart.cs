using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// How far a model remembers: test accuracy against the number of distractor words between the marker that sets the
/// class and the end of the text (<see cref="Data.LongMemoryTask"/>), one line per model, with chance level as a dashed
/// line. The distractor axis is logarithmic, so 5, 10, 20, 50 and 100 sit at readable distances.
/// </summary>
public static class LongMemoryChart
{
    /// <summary>
    /// Accuracy (0..1) per model at each number of distractors (<c>Distractors[i]</c> goes with <c>Accuracy[i]</c>);
    /// <paramref name="chance"/> is the accuracy of guessing (1 / classes).
    /// </summary>
    public static GenericChart Create(IReadOnlyList<(string Model, int[] Distractors, double[] Accuracy)> models, double chance,
        string? title = null)
    {
        if (models.Count == 0) throw new ArgumentException("No results to draw.", nameof(models));
        var bad = models.FirstOrDefault(m => m.Distractors.Length != m.Accuracy.Length || m.Distractors.Length == 0);
        if (bad.Model is not null)
            throw new ArgumentException($"\"{bad.Model}\" needs one accuracy per number of distractors (got {bad.Distractors.Length} and {bad.Accuracy.Length}).", nameof(models));
        int[] all = [.. models.SelectMany(m => m.Distractors).Distinct().Order()];
        var figure = new Figure().Title(title ?? Words.Text("chart.memory")).Size(820, 480);
        for (int m = 0; m < models.Count; m++)
        {
            var (model, distractors, accuracy) = models[m];
            figure.AddRunLine(m, model, distractors, ChartStyle.Percents(accuracy),
                Words.Format("chart.memory-hover", ChartStyle.Label(model), ChartStyle.PercentText("y")));
        }
        figure.AddLevel(Words.Format("chart.chance", chance), all[0], all[^1], ChartStyle.Percent(chance));

        var x = ChartStyle.Axis(Words.Text("chart.distractor-axis"), type: "log");
        x["tickmode"] = "array";
        x["tickvals"] = all;
        x["ticktext"] = all.Select(n => n.ToString(Culture)).ToArray();
        figure.Layout["xaxis"] = x;
        figure.Layout["yaxis"] = ChartStyle.AccuracyAxis(Words.Text("chart.test-accuracy"));
        return figure.Build();
    }
}
