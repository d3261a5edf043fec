using Lessons.Training;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// A confusion matrix as an annotated heatmap: actual class down the side, predicted class along the top, each
/// cell showing its count and its share of the row (the recall on the diagonal); colour is the count.
/// </summary>
public static class ConfusionMatrixChart
{
    public static GenericChart Create(ConfusionMatrix confusion, string? title = null)
    {
        int n = confusion.Classes.Count;
        if (confusion.Counts.GetLength(0) != n || confusion.Counts.GetLength(1) != n)
            throw new ArgumentException($"Counts are {confusion.Counts.GetLength(0)}×{confusion.Counts.GetLength(1)} but there are {n} classes.", nameof(confusion));
        var classes = confusion.Classes.Select(ChartStyle.Label).ToArray();
        var counts = new long[n][];
        var share = new double[n][];
        var text = new string[n][];
        for (int a = 0; a < n; a++)
        {
            long row = 0;
            for (int p = 0; p < n; p++) row += confusion.Counts[a, p];
            counts[a] = new long[n];
            share[a] = new double[n];
            text[a] = new string[n];
            for (int p = 0; p < n; p++)
            {
                long c = confusion.Counts[a, p];
                counts[a][p] = c;
                share[a][p] = row == 0 ? 0 : (double)c / row;
                text[a][p] = $"{c}<br>{share[a][p].ToString("P1", Culture)}";
            }
        }

        int side = Math.Max(420, 140 + n * 90);
        var figure = new Figure()
            .Title(title ?? Words.Format("chart.confusion", confusion.Accuracy, confusion.Total))
            .Size(side + 160, side + 40);
        var heatmap = figure.Add("heatmap");
        heatmap["z"] = counts;
        heatmap["x"] = classes;
        heatmap["y"] = classes;
        heatmap["customdata"] = share.Select(ChartStyle.Percents).ToArray();
        heatmap["text"] = text;
        heatmap["texttemplate"] = "%{text}";
        heatmap["textfont"] = new Dictionary<string, object?> { ["size"] = n > 8 ? 10 : 14 };
        heatmap["colorscale"] = ChartStyle.CountScale;
        heatmap["colorbar"] = new Dictionary<string, object?> { ["title"] = new Dictionary<string, object?> { ["text"] = Words.Text("chart.count") } };
        heatmap["xgap"] = 2;
        heatmap["ygap"] = 2;
        heatmap["hovertemplate"] = Words.Format("chart.confusion-hover", ChartStyle.PercentText("customdata"));
        int longest = confusion.Classes.Count == 0 ? 0 : confusion.Classes.Max(c => c.Length);
        figure.Layout["xaxis"] = ChartStyle.Axis(Words.Text("chart.predicted-class"), ChartStyle.TickAngleFor(n, longest));
        var y = ChartStyle.Axis(Words.Text("chart.actual-class"));
        y["autorange"] = "reversed";
        figure.Layout["yaxis"] = y;
        return figure.Build();
    }
}
