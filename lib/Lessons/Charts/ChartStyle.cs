using System.Net;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Charts;

/// <summary>
/// The kit's chart look: one colour per run, a font, how big a chart grows with its data, and label text made
/// safe for plotly.js (which reads labels as a small HTML dialect, so "&lt;unk&gt;" would vanish unescaped).
/// </summary>
public static class ChartStyle
{
    /// <summary>Qualitative colours (Tableau 10), one per run in the order the runs are given.</summary>
    public static IReadOnlyList<string> RunColors { get; } =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>Colour of the i-th run (cycles after ten).</summary>
    public static string RunColor(int index) => RunColors[index % RunColors.Count];

    /// <summary>Blue for negative, white at zero, red for positive (ColorBrewer RdBu ends): for tanh outputs in [-1, 1].</summary>
    public static IReadOnlyList<object[]> DivergingScale { get; } =
    [
        [0.0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#f7f7f7"], [0.75, "#f4a582"], [1.0, "#b2182b"],
    ];

    /// <summary>White for none, dark blue for many: for counts.</summary>
    public static IReadOnlyList<object[]> CountScale { get; } =
    [
        [0.0, "#f7fbff"], [0.3, "#c6dbef"], [0.6, "#6baed6"], [1.0, "#08306b"],
    ];

    /// <summary>Sequential scale for gate activations in [0, 1] (0 shut: dark, 1 open: bright).</summary>
    public const string GateScale = "Viridis";

    /// <summary>
    /// The plotly.js template of every chart: plotly's usual look (blue-grey plot area, white grid, slate text),
    /// written out small. Its axis defaults apply to every x and y axis of a chart.
    /// </summary>
    internal static Dictionary<string, object?> Template { get; } = new()
    {
        ["layout"] = new Dictionary<string, object?>
        {
            ["paper_bgcolor"] = "white",
            ["plot_bgcolor"] = "#E5ECF6",
            ["font"] = new Dictionary<string, object?> { ["color"] = "#2a3f5f" },
            ["colorway"] = RunColors,
            ["hoverlabel"] = new Dictionary<string, object?> { ["align"] = "left" },
            ["xaxis"] = TemplateAxis(),
            ["yaxis"] = TemplateAxis(),
        },
        ["data"] = new Dictionary<string, object?>
        {
            ["heatmap"] = new[] { new Dictionary<string, object?> { ["colorbar"] = new Dictionary<string, object?> { ["outlinewidth"] = 0, ["ticks"] = "" } } },
        },
    };

    static Dictionary<string, object?> TemplateAxis() => new()
    {
        ["gridcolor"] = "white", ["linecolor"] = "white", ["zerolinecolor"] = "white", ["ticks"] = "",
        ["automargin"] = true, ["title"] = new Dictionary<string, object?> { ["standoff"] = 15 },
    };

    internal const string FontFamily = "Inter, Segoe UI, Helvetica, Arial, sans-serif";

    /// <summary>Pixels per token column in charts that put tokens along the x axis.</summary>
    internal const int PixelsPerToken = 22;

    /// <summary>Pixels per hidden unit row in charts that put units along the y axis.</summary>
    internal const int PixelsPerUnit = 12;

    /// <summary>Text as plotly.js shows it literally: &lt; &gt; &amp; escaped.</summary>
    public static string Label(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A long text cut to at most <paramref name="max"/> characters with an ellipsis, then escaped for a chart.</summary>
    public static string Shortened(string text, int max = 80) => Label(Truncated(text, max));

    /// <summary>A long text cut to at most <paramref name="max"/> characters with an ellipsis, as text (a table cell,
    /// which its formatter escapes itself).</summary>
    public static string Truncated(string text, int max = 80) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>
    /// <paramref name="text"/> (plotly.js's HTML: "&lt;br&gt;" breaks a line) as lines of at most
    /// <paramref name="characters"/> characters, broken between words into as few lines as that allows, and those of
    /// about equal length ("test accuracy, chosen" / "epoch (axis zoomed)", not a lone last word); a word longer than
    /// that has a line of its own.
    /// </summary>
    internal static IReadOnlyList<string> Lines(string text, int characters) =>
        [.. text.Split("<br>").SelectMany(given =>
        {
            int fewest = Wrap(given, characters).Count;
            // The narrowest width that still needs no more lines balances them.
            for (int width = given.Length / fewest; width < characters; width++)
                if (Wrap(given, width) is { } lines && lines.Count == fewest) return lines;
            return Wrap(given, characters);
        })];

    /// <summary>Greedy: as many words on each line as fit in <paramref name="characters"/>.</summary>
    static List<string> Wrap(string text, int characters)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > characters)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>About how many characters of a font of <paramref name="size"/> px fit in <paramref name="pixels"/>
    /// (an average character is about half the font size wide).</summary>
    internal static int CharactersIn(double pixels, double size) => Math.Max(10, (int)(pixels / (0.5 * size)));

    /// <summary>Tick angle that keeps many category labels readable: flat for a few, slanted, then vertical.</summary>
    internal static int TickAngleFor(int labels, int longestLabel) =>
        labels * Math.Max(longestLabel, 3) <= 60 ? 0 : labels <= 30 ? -45 : -90;

    internal static string Number(double value, string format = "0.###") => value.ToString(format, Culture);

    /// <summary>
    /// A share (0..1) as the percentage (0..100) a chart plots. plotly.js's own percent format (".1%") puts the sign
    /// last in every language; a chart plots percentages and puts the sign where the language does
    /// (<see cref="PercentTicks"/>, <see cref="PercentText"/>): 85.9% in English, %85,9 in Turkish.
    /// </summary>
    internal static double Percent(double share) => 100 * share;

    /// <summary>Shares (0..1) as percentages (0..100).</summary>
    internal static double[] Percents(IEnumerable<double> shares) => [.. shares.Select(Percent)];

    /// <summary>True where the language writes the percent sign first (%85,9): its culture's percent pattern says so.</summary>
    static bool PercentFirst => Culture.NumberFormat.PercentPositivePattern == 2;

    /// <summary>Makes <paramref name="axis"/>, which plots percentages, label its ticks with <paramref name="decimals"/>
    /// decimals and the percent sign where the language writes it (90%, %90).</summary>
    internal static Dictionary<string, object?> PercentTicks(Dictionary<string, object?> axis, int decimals = 0)
    {
        axis["tickformat"] = $".{decimals}f";
        axis[PercentFirst ? "tickprefix" : "ticksuffix"] = "%";
        return axis;
    }

    /// <summary>
    /// A plotly.js template's percentage: the percentage <paramref name="variable"/> (y, x, customdata) with
    /// <paramref name="decimals"/> decimals and the sign where the language writes it: %{y:.1f}% in English,
    /// %%{y:.1f} in Turkish. The words' templates take it as an argument ({0}) where they show a percentage.
    /// </summary>
    internal static string PercentText(string variable, int decimals = 1) =>
        PercentFirst ? $"%%{{{variable}:.{decimals}f}}" : $"%{{{variable}:.{decimals}f}}%";

    /// <summary>Counts as plotly.js writes them in ticks and labels: whole numbers with the language's thousands
    /// separator (12,544; 12.544), never an SI suffix (12.5k) that reads as English.</summary>
    internal const string CountFormat = ",d";

    internal static Dictionary<string, object?> Title(string text, double size = 18) => new()
    {
        ["text"] = text,
        ["font"] = new Dictionary<string, object?> { ["size"] = size },
        ["x"] = 0.02,
        ["xanchor"] = "left",
    };

    /// <summary>An axis of accuracies plotted as percentages (<see cref="Percents"/>): <see cref="PercentTicks"/> from 0 to a
    /// little above 100, so a point at 100% is drawn whole.</summary>
    internal static Dictionary<string, object?> AccuracyAxis(string title)
    {
        var axis = PercentTicks(Axis(title));
        axis["range"] = new[] { 0.0, 105.0 };
        return axis;
    }

    /// <summary>A cartesian axis: title, automatic margins so long tick labels are never cut, optional angle.</summary>
    internal static Dictionary<string, object?> Axis(string title, int? tickAngle = null, string? type = null) =>
        new()
        {
            ["title"] = new Dictionary<string, object?> { ["text"] = title },
            ["automargin"] = true,
            ["tickangle"] = tickAngle,
            ["type"] = type,
            ["zeroline"] = false,
        };

    /// <summary>Axis over token positions 0..n-1 labelled with the (escaped) tokens; repeated words stay separate.</summary>
    internal static Dictionary<string, object?> TokenAxis(IReadOnlyList<string> tokens, string? title = null)
    {
        var axis = Axis(title ?? Words.Text("chart.token"), TickAngleFor(tokens.Count, tokens.Count == 0 ? 0 : tokens.Max(t => t.Length)));
        axis["tickmode"] = "array";
        axis["tickvals"] = Enumerable.Range(0, tokens.Count).ToArray();
        axis["ticktext"] = tokens.Select(Label).ToArray();
        axis["showgrid"] = false;
        return axis;
    }

    /// <summary>Width for a chart with <paramref name="tokens"/> token columns (at least <paramref name="minimum"/>).</summary>
    internal static int WidthForTokens(int tokens, int minimum = 640, int extra = 220) =>
        Math.Max(minimum, extra + tokens * PixelsPerToken);

    /// <summary>Height for a chart with <paramref name="units"/> unit rows (at least <paramref name="minimum"/>).</summary>
    internal static int HeightForUnits(int units, int minimum = 380, int extra = 200) =>
        Math.Max(minimum, extra + units * PixelsPerUnit);
}
