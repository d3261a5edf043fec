using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Lessons.Charts;

/// <summary>
/// Shows charts in notebook outputs (Polyglot/Jupyter, .NET Interactive), drawn without a network: the first
/// chart of a session carries plotly.js itself (3.6 MB, once), later ones use the plotly.js already in the page.
/// An output whose page has no plotly.js (e.g. the first output was cleared) falls back to the plotly.js CDN.
/// The notebook kit's first cell calls <see cref="Register"/>.
/// </summary>
public static class NotebookDisplay
{
    static int registered;
    static int plotlyEmbedded;

    /// <summary>Make GenericChart display as a chart (text/html). Also prepares the FSharp.Core resolver. Idempotent.</summary>
    public static void Register()
    {
        PlotlyRuntime.Prepare();
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Html(chart)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType);
    }

    /// <summary>The output HTML for one chart; the first call in a process embeds plotly.js.</summary>
    public static string Html(GenericChart chart) =>
        Html(chart, embedPlotly: Interlocked.Exchange(ref plotlyEmbedded, 1) == 0);

    /// <summary>The output HTML for one chart, with or without plotly.js embedded.</summary>
    public static string Html(GenericChart chart, bool embedPlotly)
    {
        string id = "lessons-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        if (embedPlotly)
            // Where require.js is around (classic Jupyter), plotly.js would register as an AMD module instead of
            // window.Plotly: hide define while it loads.
            html.Append("<script type=\"text/javascript\">window.__lessonsDefine = window.define; window.define = undefined;</script>\n")
                .Append("<script type=\"text/javascript\">").Append(PlotlyScript.Source).Append("</script>\n")
                .Append("<script type=\"text/javascript\">window.define = window.__lessonsDefine;</script>\n");
        html.Append($$"""
            <div id="{{id}}"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{GenericChart.toJson(chart).Replace("</", "<\\/", StringComparison.Ordinal)}};
              function draw() { window.Plotly.newPlot('{{id}}', figure.data, figure.layout, { responsive: true }); }
              if (window.Plotly) { draw(); return; }
              var script = document.createElement('script');
              script.src = 'https://cdn.plot.ly/plotly-{{PlotlyScript.Version}}.min.js';
              script.onload = draw;
              document.head.appendChild(script);
            })();
            </script>
            """);
        return html.ToString();
    }
}
