using Lessons.Inspection;
using Lessons.Models;
using Plotly.NET;

namespace Lessons.Charts;

/// <summary>
/// Gate saturation (Karpathy et al. 2015, fig. 3): one point per gate unit, x = share of steps it is shut
/// (&lt; 0.1), y = share of steps it is open (&gt; 0.9), one colour per gate. Points near the top-left corner are
/// gates that are nearly always open; on the diagonal x + y = 1 a gate is always saturated one way or the other.
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
            .Title(title ?? $"Gate saturation over {steps:N0} steps")
            .Size(640, 600);
        var edge = figure.Add("scatter");
        edge["name"] = "always saturated";
        edge["mode"] = "lines";
        edge["x"] = new[] { 0.0, 1.0 };
        edge["y"] = new[] { 1.0, 0.0 };
        edge["line"] = new Dictionary<string, object?> { ["color"] = "#999", ["dash"] = "dot", ["width"] = 1 };
        edge["hoverinfo"] = "skip";
        int g = 0;
        foreach (var gate in saturation.GroupBy(s => s.Gate).OrderBy(s => GateSaturation.GateOrder(s.Key)))
        {
            var points = figure.Add("scatter");
            points["name"] = $"{gate.Key} gate";
            points["mode"] = "markers";
            points["x"] = gate.Select(s => s.LeftSaturated).ToArray();
            points["y"] = gate.Select(s => s.RightSaturated).ToArray();
            points["text"] = gate.Select(s => $"unit {s.Unit}").ToArray();
            points["marker"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(g++), ["size"] = 8, ["opacity"] = 0.75 };
            points["hovertemplate"] = $"{gate.Key} %{{text}}<br>shut (&lt; {GateSaturation.Low}) %{{x:.1%}}<br>open (&gt; {GateSaturation.High}) %{{y:.1%}}<extra></extra>";
        }
        var x = ChartStyle.Axis($"fraction of steps left-saturated (< {GateSaturation.Low})".Replace("<", "&lt;", StringComparison.Ordinal));
        x["range"] = new[] { -0.02, 1.02 };
        x["tickformat"] = ".0%";
        var y = ChartStyle.Axis($"fraction of steps right-saturated (> {GateSaturation.High})".Replace(">", "&gt;", StringComparison.Ordinal));
        y["range"] = new[] { -0.02, 1.02 };
        y["tickformat"] = ".0%";
        y["scaleanchor"] = "x";
        figure.Layout["xaxis"] = x;
        figure.Layout["yaxis"] = y;
        return figure.Build();
    }
}
