using System.Text;
using Lessons.Inspection;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// Shows a DataFrame as an HTML table in the kit's language, in place of Microsoft.Data.Analysis's own formatter: the
/// row-number column's header is the language's word (index, sıra), and numbers are written as the language writes
/// them in a table (<c>table.number</c>: 6080 and 0.86 in English as before, 6.080 and 0,86 in Turkish; percentages of
/// a <see cref="PercentColumn"/> by <c>table.percent</c>: 85.0 in English, %85,0 in Turkish; seconds of a
/// <see cref="SecondsColumn"/> with two decimals). The runner resets
/// formatters per notebook: <see cref="Kit.Load"/> calls it.
/// </summary>
internal static class TableFormatter
{
    /// <summary>The most rows a table shows; a line under it says how many more there are.</summary>
    internal const int MaxRows = 50;

    public static void Register()
    {
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(Html(frame)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType);
    }

    /// <summary>The table's HTML: a header row, then one row per row of <paramref name="frame"/>, numbered from 0 (the
    /// first <see cref="MaxRows"/>, and a last row that says how many more there are).</summary>
    public static string Html(DataFrame frame)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>").Append(Encode(Words.Text("table.index"))).Append("</i></th>");
        foreach (var column in frame.Columns) html.Append("<th>").Append(Encode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (long row = 0; row < Math.Min(frame.Rows.Count, MaxRows); row++)
        {
            html.Append("<tr><td><i>").Append(Cell(row)).Append("</i></td>");
            foreach (var column in frame.Columns) html.Append("<td>").Append(Encode(Cell(column[row], column))).Append("</td>");
            html.Append("</tr>");
        }
        if (frame.Rows.Count > MaxRows)
            html.Append("<tr><td colspan=\"").Append(frame.Columns.Count + 1).Append("\"><i>")
                .Append(Encode(Words.Format("table.more-rows", frame.Rows.Count - MaxRows))).Append("</i></td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>One cell's text: a number as the language writes it in a table (a percentage or seconds as their column
    /// says), anything else as it is.</summary>
    internal static string Cell(object? value, DataFrameColumn? column = null) => value switch
    {
        null => "",
        byte or short or int or long or float or double or decimal => Words.Format(column switch
        {
            PercentColumn => "table.percent",
            SecondsColumn => "table.seconds-format",
            _ => "table.number",
        }, value),
        _ => value.ToString() ?? "",
    };

    /// <summary>Text as HTML shows it literally: only &amp; &lt; &gt; escaped, so Turkish letters stay readable in the
    /// notebook's JSON (WebUtility.HtmlEncode writes Ç as &amp;#199;).</summary>
    static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
