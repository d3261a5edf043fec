using Lessons.Inspection;
using Lessons.Models;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// Gate saturation (Karpathy et al. 2015, fig. 3): one point per gate unit, x = share of steps it is nearly shut
/// (below 0.1), y = share of steps it is nearly open (above 0.9), one colour per gate. Far right: a gate that is
/// almost always shut (a forget gate that forgets, an input gate that never writes); top left: one almost always
/// open; on the diagonal x + y = 1 a gate is always saturated one way or the other; near the origin it switches
/// with the input.
/// </summary>
public static class GateSaturationChart
{
    public static GenericChart Create(IEnumerable<CellTrace> traces, string? title = null) =>
        Create(GateSaturation.Measure(traces), title);

    public static GenericChart Create(IReadOnlyList<GateUnitSaturation> saturation, string? title = null)
    {
        if (saturation.Count == 0) throw new ArgumentException("No gate units to draw.", nameof(saturation));
        long steps = saturation[0].Steps;
        var figure = new Figure()
            .Title(title ?? Words.Format("chart.saturation", steps))
            .Size(760, 600);
        var edge = figure.Add("scatter");
        edge["name"] = Words.Text("chart.always-saturated");
        edge["mode"] = "lines";
        edge["x"] = new[] { 0.0, 100.0 };
        edge["y"] = new[] { 100.0, 0.0 };
        edge["line"] = new Dictionary<string, object?> { ["color"] = "#999", ["dash"] = "dot", ["width"] = 1 };
        edge["hoverinfo"] = "skip";
        int g = 0;
        foreach (var gate in saturation.GroupBy(s => s.Gate).OrderBy(s => TraceNames.Order(s.Key)))
        {
            var points = figure.Add("scatter");
            points["name"] = Words.Format("chart.gate-name", gate.Key);
            points["mode"] = "markers";
            points["x"] = ChartStyle.Percents(gate.Select(s => s.ShareShut));
            points["y"] = ChartStyle.Percents(gate.Select(s => s.ShareOpen));
            points["text"] = gate.Select(s => Words.Format("chart.unit", s.Unit)).ToArray();
            points["marker"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(g++), ["size"] = 8, ["opacity"] = 0.75 };
            points["hovertemplate"] = Words.Format("chart.saturation-hover", gate.Key, GateSaturation.Low, GateSaturation.High,
                ChartStyle.PercentText("x"), ChartStyle.PercentText("y"));
        }
        var x = ChartStyle.PercentTicks(ChartStyle.Axis(Words.Format("chart.share-shut", GateSaturation.Low)));
        x["range"] = new[] { -2.0, 102.0 };
        var y = ChartStyle.PercentTicks(ChartStyle.Axis(Words.Format("chart.share-open", GateSaturation.High)));
        y["range"] = new[] { -2.0, 102.0 };
        figure.Layout["xaxis"] = x;
        figure.Layout["yaxis"] = y;
        return figure.Build();
    }
}
