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
