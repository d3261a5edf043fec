using Plotly.NET;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// Vanishing gradients: the norm of d(loss)/d(h_t) against the step t, one line per model, on a log scale. The
/// loss is read at the last step; an RNN's line falls steeply towards the start of the text, an LSTM's stays up.
/// </summary>
public static class GradientNormChart
{
    /// <summary>Norms per model (e.g. "RNN", "LSTM"), each indexed by step t = 0..T−1, in the dictionary's order.</summary>
    public static GenericChart Create(IReadOnlyDictionary<string, double[]> normsByModel, string? title = null) =>
        Create(normsByModel.Select(kv => (kv.Key, kv.Value)).ToList(), title);

    /// <summary>Norms per model, each indexed by step t = 0..T−1.</summary>
    public static GenericChart Create(IReadOnlyList<(string Model, double[] Norms)> models, string? title = null) =>
        Draw(models, title ?? Words.Text("chart.gradient"), Words.Text("chart.step-t"), Words.Text("chart.gradient-axis"), firstX: 0);

    /// <summary>
    /// Exploding gradients: the length of the parameters' gradient against the number of steps read, T = 1..T_max, one
    /// line per run (<see cref="Models.GradientThroughTime.ParameterNorms(double, double, int, int, int, int, long)"/>).
    /// </summary>
    public static GenericChart Exploding(IReadOnlyList<(string Run, double[] Norms)> runs, string? title = null) =>
        Draw(runs, title ?? Words.Text("chart.exploding"), Words.Text("chart.steps-read"), Words.Text("chart.exploding-axis"), firstX: 1);

    static GenericChart Draw(IReadOnlyList<(string Model, double[] Norms)> models, string title, string xAxis, string yAxis, int firstX)
    {
        if (models.Count == 0) throw new ArgumentException("No gradient norms to draw.", nameof(models));
        int longest = models.Max(m => m.Norms.Length);
        var figure = new Figure()
            .Title(title)
            .Size(Math.Max(760, 200 + longest * 8), 480);
        for (int m = 0; m < models.Count; m++)
        {
            var (model, norms) = models[m];
            var line = figure.Add("scatter");
            line["name"] = ChartStyle.Label(model);
            line["mode"] = norms.Length > 60 ? "lines" : "lines+markers";
            line["x"] = Enumerable.Range(firstX, norms.Length).ToArray();
            // A zero norm has no place on a log axis: leave a gap instead of a misleading point.
            line["y"] = norms.Select(n => n > 0 && double.IsFinite(n) ? n : (double?)null).ToArray();
            line["line"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(m), ["width"] = 2 };
            line["hovertemplate"] = ChartStyle.Label(model) + (firstX == 0 ? ", t" : ", T") + " = %{x}: %{y:.3e}<extra></extra>";
        }
        figure.Layout["xaxis"] = ChartStyle.Axis(xAxis);
        var y = ChartStyle.Axis(yAxis, type: "log");
        y["exponentformat"] = "power";
        figure.Layout["yaxis"] = y;
        return figure.Build();
    }
}
