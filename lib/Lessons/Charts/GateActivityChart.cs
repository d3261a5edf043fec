using Lessons.Inspection;
using Lessons.Models;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// An LSTM's (or GRU's) gates while it reads one headline: on top each gate's mean over the units per step, below
/// one heatmap per gate (units down, tokens along, 0 = shut, 1 = open). A forget gate near 1 keeps the cell's
/// memory; an input gate near 1 writes the current word in; an output gate near 1 shows the cell to the next layer.
/// </summary>
public static class GateActivityChart
{
    public static GenericChart Create(CellTrace trace, string? title = null)
    {
        var gates = GateSaturation.GatesOf(trace);
        if (gates.Count == 0) throw new ArgumentException($"A {trace.Kind} trace has no gates to draw; use an LSTM or GRU trace.", nameof(trace));
        var tokens = trace.Tokens;
        foreach (var gate in gates)
            if (trace.Gates[gate].GetLength(0) != tokens.Count)
                throw new ArgumentException($"Gate \"{gate}\" has {trace.Gates[gate].GetLength(0)} steps but the trace has {tokens.Count} tokens.", nameof(trace));
        int units = trace.Gates[gates[0]].GetLength(1);

        // Row heights: the mean-line panel, then one heatmap per gate; stacked top to bottom with small gaps.
        double linePanel = 150, gatePanel = Math.Max(110, units * 6), gap = 40;
        double total = linePanel + gates.Count * gatePanel + gates.Count * gap;
        int height = (int)total + 140 + HiddenStateChart.LabelRoom(tokens);
        var figure = new Figure()
            .Title(title ?? Words.Format("chart.gates-title", trace.Kind.ToString().ToUpperInvariant(), ChartStyle.Label(trace.Direction)))
            .Size(ChartStyle.WidthForTokens(tokens.Count), height);
        var steps = Enumerable.Range(0, tokens.Count).ToArray();
        var hover = HiddenStateChart.TokenText(tokens, units);
        double top = 1.0;
        (double From, double To) Next(double pixels)
        {
            double to = top, from = top - pixels / total;
            top = from - gap / total;
            return (Math.Max(0, from), to);
        }

        var lineDomain = Next(linePanel);
        for (int g = 0; g < gates.Count; g++)
        {
            var values = trace.Gates[gates[g]];
            var mean = new double[tokens.Count];
            for (int t = 0; t < tokens.Count; t++)
            {
                double sum = 0;
                for (int u = 0; u < units; u++) sum += values[t, u];
                mean[t] = units == 0 ? 0 : sum / units;
            }
            var line = figure.Add("scatter");
            line["name"] = Words.Format("chart.gate-mean", gates[g]);
            line["mode"] = "lines+markers";
            line["x"] = steps;
            line["y"] = mean;
            line["text"] = tokens.Select(ChartStyle.Label).ToArray();
            line["line"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(g) };
            line["xaxis"] = "x";
            line["yaxis"] = "y";
            line["hovertemplate"] = Words.Format("chart.gate-mean-hover", gates[g]);
        }
        var meanAxis = ChartStyle.Axis(Words.Text("chart.mean-gate"));
        meanAxis["range"] = new[] { 0.0, 1.0 };
        meanAxis["domain"] = new[] { lineDomain.From, lineDomain.To };
        figure.Layout["yaxis"] = meanAxis;

        for (int g = 0; g < gates.Count; g++)
        {
            string axis = (g + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var domain = Next(gatePanel);
            var heatmap = figure.Add("heatmap");
            heatmap["name"] = gates[g];
            heatmap["z"] = HiddenStateChart.UnitsByStep(trace.Gates[gates[g]]);
            heatmap["x"] = steps;
            heatmap["y"] = Enumerable.Range(0, units).ToArray();
            heatmap["text"] = hover;
            heatmap["zmin"] = 0.0;
            heatmap["zmax"] = 1.0;
            heatmap["colorscale"] = ChartStyle.GateScale;
            heatmap["showscale"] = g == 0;
            heatmap["colorbar"] = new Dictionary<string, object?>
            {
                ["title"] = new Dictionary<string, object?> { ["text"] = Words.Text("chart.gate") }, ["len"] = 0.5, ["y"] = 0.4,
            };
            heatmap["xaxis"] = "x";
            heatmap["yaxis"] = "y" + axis;
            heatmap["hovertemplate"] = Words.Format("chart.gate-hover", gates[g]);
            var y = ChartStyle.Axis(Words.Format("chart.gate-unit", gates[g]));
            y["domain"] = new[] { domain.From, domain.To };
            y["autorange"] = "reversed";
            y["anchor"] = "x";
            figure.Layout["yaxis" + axis] = y;
        }
        var x = ChartStyle.TokenAxis(tokens);
        x["range"] = new[] { -0.5, tokens.Count - 0.5 };
        x["anchor"] = "y" + (gates.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        figure.Layout["xaxis"] = x;
        figure.Layout["legend"] = new Dictionary<string, object?> { ["orientation"] = "h", ["y"] = 1.0, ["yanchor"] = "bottom", ["x"] = 0.5 };
        return figure.Build();
    }
}
