using Lessons.Models;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// What the hidden state holds while a network reads one headline: the tokens along the x axis, the hidden units
/// down the y axis, each cell the unit's tanh output after reading that token (blue −1, white 0, red +1). For a
/// bidirectional network the forward and backward halves stand side by side, both indexed by token position.
/// </summary>
public static class HiddenStateChart
{
    /// <summary>One direction's hidden states.</summary>
    public static GenericChart Create(CellTrace trace, string? title = null) => Create([trace], title);

    /// <summary>Forward and backward halves of a bidirectional network, side by side.</summary>
    public static GenericChart Create(CellTrace forward, CellTrace backward, string? title = null) => Create([forward, backward], title);

    /// <summary>One panel per trace (one per direction), side by side, sharing the unit axis and the colour scale.</summary>
    public static GenericChart Create(IReadOnlyList<CellTrace> directions, string? title = null)
    {
        if (directions.Count == 0) throw new ArgumentException("No trace to draw.", nameof(directions));
        var tokens = directions[0].Tokens;
        int units = directions[0].Hidden.GetLength(1);
        foreach (var d in directions)
        {
            if (d.Hidden.GetLength(0) != d.Tokens.Count)
                throw new ArgumentException($"The {d.Direction} trace has {d.Tokens.Count} tokens but {d.Hidden.GetLength(0)} hidden steps.", nameof(directions));
            if (d.Hidden.GetLength(1) != units || d.Tokens.Count != tokens.Count)
                throw new ArgumentException("The directions of a bidirectional trace must have the same tokens and hidden size.", nameof(directions));
        }

        int panels = directions.Count;
        int pixelsPerToken = panels == 1 ? ChartStyle.PixelsPerToken : 18;
        int width = Math.Max(640, 260 + panels * tokens.Count * pixelsPerToken);
        int height = ChartStyle.HeightForUnits(units) + LabelRoom(tokens);
        var figure = new Figure()
            .Title(title ?? DefaultTitle(directions))
            .Size(width, height);
        var hover = TokenText(tokens, units);
        double gap = panels == 1 ? 0 : 0.04;
        double panelWidth = (1 - gap * (panels - 1)) / panels;
        for (int p = 0; p < panels; p++)
        {
            string suffix = p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var heatmap = figure.Add("heatmap");
            heatmap["name"] = directions[p].Direction;
            heatmap["z"] = UnitsByStep(directions[p].Hidden);
            heatmap["x"] = Enumerable.Range(0, tokens.Count).ToArray();
            heatmap["y"] = Enumerable.Range(0, units).ToArray();
            heatmap["text"] = hover;
            heatmap["xaxis"] = "x" + suffix;
            heatmap["yaxis"] = "y";
            heatmap["zmin"] = -1.0;
            heatmap["zmax"] = 1.0;
            heatmap["zmid"] = 0.0;
            heatmap["colorscale"] = ChartStyle.DivergingScale;
            heatmap["showscale"] = p == panels - 1;
            heatmap["colorbar"] = new Dictionary<string, object?> { ["title"] = new Dictionary<string, object?> { ["text"] = "h (tanh)" } };
            heatmap["hovertemplate"] = Words.Format("chart.hidden-hover", ChartStyle.Label(directions[p].Direction));

            var x = ChartStyle.TokenAxis(tokens, panels == 1 ? Words.Text("chart.token") : Words.Format("chart.token-direction", ChartStyle.Label(directions[p].Direction)));
            x["domain"] = new[] { p * (panelWidth + gap), p * (panelWidth + gap) + panelWidth };
            x["anchor"] = "y";
            figure.Layout["xaxis" + suffix] = x;
        }
        var y = ChartStyle.Axis(Words.Text("chart.hidden-unit"));
        y["autorange"] = "reversed";
        y["dtick"] = units > 40 ? 8 : units > 16 ? 4 : 1;
        figure.Layout["yaxis"] = y;
        return figure.Build();
    }

    /// <summary>
    /// What the network's hidden state really is: "LSTM hidden state, 25 tokens × 32 units", or for a bidirectional
    /// layer "BiLSTM hidden state, 25 tokens × 64 units (forward 32 | backward 32)": the output the next layer reads is
    /// both halves side by side.
    /// </summary>
    internal static string DefaultTitle(IReadOnlyList<CellTrace> directions)
    {
        string kind = CellKinds.Name(directions[0].Kind).ToUpperInvariant();
        int tokens = directions[0].Tokens.Count, perDirection = directions[0].Hidden.GetLength(1);
        string head = Words.Format("chart.hidden-title", directions.Count == 2 ? "Bi" : "", kind, tokens, directions.Count * perDirection);
        return directions.Count == 1
            ? head
            : $"{head} ({string.Join(" | ", directions.Select(d => $"{ChartStyle.Label(d.Direction)} {perDirection}"))})";
    }

    /// <summary>values[t, unit] turned into rows per unit: result[unit][t].</summary>
    internal static float[][] UnitsByStep(float[,] values)
    {
        int steps = values.GetLength(0), units = values.GetLength(1);
        var rows = new float[units][];
        for (int u = 0; u < units; u++)
        {
            rows[u] = new float[steps];
            for (int t = 0; t < steps; t++) rows[u][t] = values[t, u];
        }
        return rows;
    }

    /// <summary>The token of each cell (for hover text), one row per unit.</summary>
    internal static string[][] TokenText(IReadOnlyList<string> tokens, int units)
    {
        var row = tokens.Select(ChartStyle.Label).ToArray();
        return Enumerable.Repeat(row, units).ToArray();
    }

    /// <summary>Extra height for slanted or vertical token labels under the plot.</summary>
    internal static int LabelRoom(IReadOnlyList<string> tokens) =>
        tokens.Count == 0 ? 0 : Math.Min(160, 7 * tokens.Max(t => t.Length));
}
