using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// A language model's training curve: its bits per character on the training headlines (the mean over each epoch's
/// batches) and on held-out headlines (after each epoch), epoch by epoch, beside the unigram and bigram baselines'
/// held-out bits as flat dashed lines.
/// </summary>
public static class BitsPerCharacterChart
{
    public static GenericChart Create(IReadOnlyList<double> train, IReadOnlyList<double> heldOut, double unigram, double bigram)
    {
        if (train.Count == 0 || train.Count != heldOut.Count)
            throw new ArgumentException($"{train.Count} training and {heldOut.Count} held-out values: one of each per epoch.", nameof(heldOut));
        int[] epochs = [.. Enumerable.Range(1, train.Count)];
        var figure = new Figure().Title(Words.Text("chart.bpc-title")).Size(760, 460);
        void Line(string name, int[] x, IReadOnlyList<double> y, int color, string dash)
        {
            var line = figure.Add("scatter");
            line["name"] = ChartStyle.Label(name);
            line["mode"] = dash == "solid" ? "lines+markers" : "lines";
            line["x"] = x;
            line["y"] = y.ToArray();
            line["line"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(color), ["width"] = 2, ["dash"] = dash };
            line["hovertemplate"] = ChartStyle.Label(name) + ", %{x}: %{y:.3f}<extra></extra>";
        }
        Line(Words.Text("chart.bpc-train"), epochs, train, 0, "solid");
        Line(Words.Text("chart.bpc-held-out"), epochs, heldOut, 1, "solid");
        int[] span = [1, train.Count];
        Line(Words.Text("chart.bpc-unigram"), span, [unigram, unigram], 2, "dash");
        Line(Words.Text("chart.bpc-bigram"), span, [bigram, bigram], 3, "dash");
        var x = ChartStyle.Axis(Words.Text("chart.epoch"));
        x["dtick"] = 1;
        figure.Layout["xaxis"] = x;
        figure.Layout["yaxis"] = ChartStyle.Axis(Words.Text("chart.bpc-axis"));
        return figure.Build();
    }
}
