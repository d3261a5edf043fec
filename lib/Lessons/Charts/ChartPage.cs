using System.Net;
using System.Text;
using Lessons.Runtime;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Lessons.Charts;

/// <summary>
/// A self-contained HTML page of one or more charts: plotly.js is embedded once in the page, so it opens and
/// draws without a network (a classroom projector, a CI artifact, an archived report).
/// </summary>
internal sealed class ChartPage
{
    readonly string title;
    readonly bool showTitle;
    readonly StringBuilder body = new();

    /// <param name="title">The page's title (browser tab), also shown as its heading when <paramref name="showTitle"/>.</param>
    public ChartPage(string title, bool showTitle = true)
    {
        this.title = title;
        this.showTitle = showTitle;
    }

    /// <summary>Number of charts added.</summary>
    public int ChartCount { get; private set; }

    /// <summary>A heading (plain text, escaped).</summary>
    public ChartPage Heading(string text, int level = 2)
    {
        body.Append($"<h{level}>{WebUtility.HtmlEncode(text)}</h{level}>\n");
        return this;
    }

    /// <summary>A paragraph (plain text, escaped).</summary>
    public ChartPage Paragraph(string text)
    {
        body.Append($"<p>{WebUtility.HtmlEncode(text)}</p>\n");
        return this;
    }

    /// <summary>A table (plain text cells, escaped); the first row is the header.</summary>
    public ChartPage Table(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        body.Append("<table>\n");
        for (int r = 0; r < rows.Count; r++)
        {
            string cell = r == 0 ? "th" : "td";
            body.Append("<tr>");
            foreach (var text in rows[r]) body.Append($"<{cell}>{WebUtility.HtmlEncode(text)}</{cell}>");
            body.Append("</tr>\n");
        }
        body.Append("</table>\n");
        return this;
    }

    /// <summary>A chart, drawn by the page's embedded plotly.js.</summary>
    public ChartPage Chart(GenericChart chart)
    {
        PlotlyRuntime.Prepare();
        var withoutScript = GenericChart.setDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NoReference)),
            chart);
        body.Append("<div class=\"chart\">").Append(GenericChart.toChartHTML(withoutScript)).Append("</div>\n");
        ChartCount++;
        return this;
    }

    /// <summary>The whole page.</summary>
    public string ToHtml() => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>
        body { font-family: {{ChartStyle.FontFamily}}; margin: 24px; color: #222; }
        .chart { margin: 12px 0 28px 0; overflow-x: auto; }
        table { border-collapse: collapse; margin: 8px 0 20px 0; }
        th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: right; }
        th { background: #f3f3f3; }
        </style>
        <script type="text/javascript">{{PlotlyScript.Source}}</script>
        </head>
        <body>
        {{(showTitle ? $"<h1>{WebUtility.HtmlEncode(title)}</h1>" : "")}}
        {{body}}</body>
        </html>
        """;

    /// <summary>Write the page (creating the folder if needed; all or nothing, see <see cref="AtomicFile"/>); returns the full path.</summary>
    public string Save(string path)
    {
        var full = Path.GetFullPath(path);
        AtomicFile.WriteText(full, ToHtml());
        return full;
    }
}
