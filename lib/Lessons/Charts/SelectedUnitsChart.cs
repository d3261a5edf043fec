using Lessons.Inspection;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// The units found by <see cref="UnitSelection"/> (LSTMVis "select"): for each, its mean activation on the
/// selected tokens next to its mean elsewhere, labelled with the tokens on which it fires most (among those seen at
/// least <see cref="SelectedUnit.MinCount"/> times, which the axis title states).
/// </summary>
public static class SelectedUnitsChart
{
    public static GenericChart Create(IReadOnlyList<SelectedUnit> units, string selection, string? title = null)
    {
        if (units.Count == 0) throw new ArgumentException("No units to draw.", nameof(units));
        var labels = units.Select(u => Words.Format("chart.unit", u.Unit) + ": " + string.Join(" ", u.TopTokens.Select(t => ChartStyle.Shortened(t.Token, 16)))).ToArray();
        var figure = new Figure()
            .Title(title ?? Words.Format("chart.units-firing", ChartStyle.Shortened(selection, 40)))
            .Size(1000, Math.Max(360, 160 + units.Count * 46));
        Add(figure, Words.Text("chart.on-selection"), labels, units.Select(u => u.MeanOnSelection), ChartStyle.RunColor(2));
        Add(figure, Words.Text("chart.elsewhere"), labels, units.Select(u => u.MeanElsewhere), ChartStyle.RunColor(0));
        figure.Layout["barmode"] = "group";
        var x = ChartStyle.Axis(Words.Text("chart.mean-activation"));
        x["range"] = new[] { -1.0, 1.0 };
        x["zeroline"] = true;
        figure.Layout["xaxis"] = x;
        int minCount = units.Min(u => u.MinCount);
        var y = ChartStyle.Axis(Words.Format(minCount == 1 ? "chart.top-tokens-one" : "chart.top-tokens", minCount));
        y["autorange"] = "reversed";
        figure.Layout["yaxis"] = y;
        figure.Layout["legend"] = new Dictionary<string, object?> { ["orientation"] = "h", ["y"] = 1.02, ["yanchor"] = "bottom" };
        return figure.Build();
    }

    static void Add(Figure figure, string name, string[] labels, IEnumerable<double> values, string color)
    {
        var bar = figure.Add("bar");
        bar["name"] = name;
        bar["orientation"] = "h";
        bar["y"] = labels;
        bar["x"] = values.ToArray();
        bar["marker"] = new Dictionary<string, object?> { ["color"] = color };
        bar["hovertemplate"] = $"%{{y}}<br>{name}: %{{x:.3f}}<extra></extra>";
    }
}
