using Lessons.Inspection;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// Where a tagger knows and where it guesses: per-token test accuracy against how far to the right the word that
/// decides a token's tag lies (<see cref="DistanceAccuracy"/>), one line per model, the last point for the tokens with
/// no deciding word to their right, and the accuracy of always answering the most common tag as a dashed line.
/// </summary>
public static class TaggingDistanceChart
{
    public static GenericChart Create(IReadOnlyList<(string Model, DistanceAccuracy Accuracy)> models, double majority)
    {
        if (models.Count == 0) throw new ArgumentException("No results to draw.", nameof(models));
        int farthest = models[0].Accuracy.Farthest;
        if (models.Any(m => m.Accuracy.Farthest != farthest))
            throw new ArgumentException("Every model's accuracy needs the same distance bins.", nameof(models));
        string[] bins = [.. Enumerable.Range(1, farthest - 1).Select(d => d.ToString(Culture)),
            Words.Format("chart.tagging-farther", farthest), Words.Text("chart.tagging-none")];

        var figure = new Figure().Title(Words.Text("chart.tagging")).Size(820, 480);
        for (int m = 0; m < models.Count; m++)
        {
            var (model, accuracy) = models[m];
            var line = figure.AddRunLine(m, model, bins, accuracy.Accuracy.Select(a => double.IsNaN(a) ? (double?)null : ChartStyle.Percent(a)).ToArray(),
                Words.Format("chart.tagging-hover", ChartStyle.Label(model), ChartStyle.PercentText("y")));
            line["customdata"] = accuracy.Tokens;
        }
        figure.AddLevel(Words.Format("chart.tagging-majority", majority), bins[0], bins[^1], ChartStyle.Percent(majority));

        var x = ChartStyle.Axis(Words.Text("chart.tagging-axis"));
        x["type"] = "category";
        figure.Layout["xaxis"] = x;
        figure.Layout["yaxis"] = ChartStyle.AccuracyAxis(Words.Text("chart.token-accuracy"));
        return figure.Build();
    }
}
