using Lessons.Localization;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace Lessons.Charts;

/// <summary>
/// Builds a Plotly.NET chart from plotly.js attributes (the names of the plotly.js reference: "z", "colorscale",
/// "tickangle", ...). Every chart of the kit is made this way, so what a chart holds reads like its JSON.
/// Null attributes are left out.
/// </summary>
internal sealed class Figure
{
    readonly List<Dictionary<string, object?>> traces = [];
    readonly Dictionary<string, object?> layout = new()
    {
        ["template"] = ChartStyle.Template,
        ["font"] = new Dictionary<string, object?> { ["family"] = ChartStyle.FontFamily, ["size"] = 13 },
        ["margin"] = new Dictionary<string, object?> { ["t"] = 70, ["l"] = 70, ["r"] = 30, ["b"] = 60 },
        // plotly.js writes tick and hover numbers with these (decimal, then thousands): "85,4" and "6.080" in Turkish.
        ["separators"] = KitLanguage.Culture.NumberFormat.NumberDecimalSeparator + KitLanguage.Culture.NumberFormat.NumberGroupSeparator,
    };

    /// <summary>Add a trace of plotly.js type <paramref name="type"/>; returns its attributes to fill in.</summary>
    public Dictionary<string, object?> Add(string type)
    {
        var trace = new Dictionary<string, object?> { ["type"] = type };
        traces.Add(trace);
        return trace;
    }

    /// <summary>
    /// Add one run's line with markers, in the run's colour (<see cref="ChartStyle.RunColor"/> of
    /// <paramref name="run"/>), named <paramref name="name"/> in the legend; returns its attributes.
    /// </summary>
    public Dictionary<string, object?> AddRunLine(int run, string name, object x, object y, string hover)
    {
        var line = Add("scatter");
        line["name"] = ChartStyle.Label(name);
        line["mode"] = "lines+markers";
        line["x"] = x;
        line["y"] = y;
        line["line"] = new Dictionary<string, object?> { ["color"] = ChartStyle.RunColor(run), ["width"] = 2 };
        line["marker"] = new Dictionary<string, object?> { ["size"] = 9 };
        line["hovertemplate"] = hover;
        return line;
    }

    /// <summary>Add a grey dashed level at <paramref name="y"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (a chance level), named <paramref name="name"/> in the legend, without hover.</summary>
    public void AddLevel(string name, object from, object to, double y)
    {
        var level = Add("scatter");
        level["name"] = name;
        level["mode"] = "lines";
        level["x"] = new[] { from, to };
        level["y"] = new[] { y, y };
        level["line"] = new Dictionary<string, object?> { ["color"] = "#7f7f7f", ["width"] = 2, ["dash"] = "dash" };
        level["hoverinfo"] = "skip";
    }

    /// <summary>The layout's attributes.</summary>
    public Dictionary<string, object?> Layout => layout;

    public Figure Title(string text)
    {
        layout["title"] = ChartStyle.Title(text);
        return this;
    }

    public Figure Size(int width, int height)
    {
        layout["width"] = width;
        layout["height"] = height;
        return this;
    }

    public GenericChart Build()
    {
        FitTitles();
        PlotlyRuntime.Prepare();
        var list = ListModule.OfSeq(traces.Select(ToTrace));
        // Not Plotly.NET's default template: serialising it costs ~0.2 s per chart; ChartStyle.Template is the same look in 1 KB.
        var chart = GenericChart.ofTraceObjects(false, list);
        var plotlyLayout = new Layout();
        foreach (var (key, value) in layout)
            if (value is not null) plotlyLayout.SetProperty(key, Clean(value));
        var config = new Config();
        config.SetProperty("responsive", true);
        return GenericChart.setConfig(config, GenericChart.addLayout(plotlyLayout, chart));
    }

    /// <summary>
    /// Breaks a title longer than the chart is wide, and a y axis's title longer than its plot is high, into lines
    /// (<see cref="ChartStyle.Lines"/>), and makes the top margin room for a title's extra lines: a long title is not
    /// cut off at the chart's edge, and an axis title does not run up into the chart's title. Turkish titles are longer
    /// than English ones.
    /// </summary>
    void FitTitles()
    {
        int width = layout.GetValueOrDefault("width") as int? ?? 700, height = layout.GetValueOrDefault("height") as int? ?? 450;
        var margin = (Dictionary<string, object?>)layout["margin"]!;
        if (layout.GetValueOrDefault("title") is Dictionary<string, object?> { } title && title["text"] is string text)
        {
            double size = title.GetValueOrDefault("font") is Dictionary<string, object?> font && font["size"] is double s ? s : 18;
            var lines = ChartStyle.Lines(text, ChartStyle.CharactersIn(width - 40, size));
            title["text"] = string.Join("<br>", lines);
            margin["t"] = (int)margin["t"]! + (int)Math.Ceiling(1.3 * size) * (lines.Count - 1);
        }
        // The plot's height: the chart less its margins and room for tick labels below, times the axis's share of it.
        double plot = 0.75 * (height - (int)margin["t"]! - (int)margin["b"]!);
        foreach (var (key, value) in layout)
            if (key.StartsWith("yaxis", StringComparison.Ordinal) && value is Dictionary<string, object?> axis &&
                axis.GetValueOrDefault("title") is Dictionary<string, object?> axisTitle && axisTitle["text"] is string label)
            {
                double share = axis.GetValueOrDefault("domain") is double[] domain ? domain[1] - domain[0] : 1;
                axisTitle["text"] = string.Join("<br>", ChartStyle.Lines(label, ChartStyle.CharactersIn(share * plot, 13)));
            }
    }

    static Trace ToTrace(Dictionary<string, object?> attributes)
    {
        var trace = new Trace((string)attributes["type"]!);
        foreach (var (key, value) in attributes)
            if (value is not null) trace.SetProperty(key, Clean(value));
        return trace;
    }

    /// <summary>Nested dictionaries without their null entries (plotly.js reads a null as "unset" anyway, but smaller JSON is nicer).</summary>
    static object Clean(object value) => value is Dictionary<string, object?> dict
        ? dict.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => Clean(kv.Value!))
        : value;
}
