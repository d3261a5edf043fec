using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// A language model reading one headline: for each character that came next (and End, shown as ⏎), the probability
/// the model had given it one step earlier, beside the bigram baseline's, one pair of bars per step.
/// </summary>
public static class NextCharacterChart
{
    /// <summary>The mark of the End step on the x axis.</summary>
    public const string EndMark = "⏎";

    /// <param name="headline">The headline read.</param>
    /// <param name="model">The model's probability of each next character, then of End: headline.Length + 1 values.</param>
    /// <param name="bigram">The bigram baseline's, as many.</param>
    public static GenericChart Create(string headline, IReadOnlyList<double> model, IReadOnlyList<double> bigram)
    {
        if (model.Count != headline.Length + 1 || bigram.Count != model.Count)
            throw new ArgumentException($"\"{headline}\" has {headline.Length + 1} next characters (End included); " +
                $"got {model.Count} and {bigram.Count} probabilities.", nameof(model));
        string[] ticks = [.. headline.Select(c => c == ' ' ? "␣" : ChartStyle.Label(c.ToString())), EndMark];
        int[] steps = [.. Enumerable.Range(0, ticks.Length)];
        var figure = new Figure()
            .Title(Words.Format("chart.next-title", ChartStyle.Shortened(headline, 70)))
            .Size(Math.Max(760, 160 + ticks.Length * ChartStyle.PixelsPerToken), 460);
        void Bars(string name, IReadOnlyList<double> p, string color)
        {
            var bar = figure.Add("bar");
            bar["name"] = ChartStyle.Label(name);
            bar["x"] = steps;
            bar["y"] = ChartStyle.Percents(p);
            bar["text"] = ticks;
            bar["marker"] = new Dictionary<string, object?> { ["color"] = color };
            bar["hovertemplate"] = ChartStyle.Label(name) + ", %{text}: " + ChartStyle.PercentText("y") + "<extra></extra>";
            bar["textposition"] = "none";
        }
        Bars(Words.Text("chart.next-lstm"), model, ChartStyle.RunColor(0));
        Bars(Words.Text("chart.bpc-bigram"), bigram, "#c7d3e3");
        var x = ChartStyle.Axis(Words.Text("chart.next-x"));
        x["tickvals"] = steps;
        x["ticktext"] = ticks;
        x["tickangle"] = 0;
        figure.Layout["xaxis"] = x;
        var y = ChartStyle.PercentTicks(ChartStyle.Axis(Words.Text("chart.next-axis")));
        y["range"] = new[] { 0.0, 100.0 };
        figure.Layout["yaxis"] = y;
        figure.Layout["barmode"] = "group";
        figure.Layout["bargap"] = 0.15;
        return figure.Build();
    }
}
