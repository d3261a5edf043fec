using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

/// <summary>Reading outputs' mime bundles, and the form in which outputs are saved into a notebook file.</summary>
public static partial class NotebookOutputs
{
    public const string Html = "text/html";

    /// <summary>The mime bundle of a display or a return value; null for streams and errors.</summary>
    public static IDictionary<string, object>? DataOf(InteractiveDocumentOutputElement output) => output switch
    {
        DisplayElement display => display.Data,
        ReturnValueElement value => value.Data,
        _ => null,
    };

    /// <summary>A bundle's text/html as one string ("" if none; read back from .ipynb, it is a list of lines).</summary>
    public static string HtmlOf(IDictionary<string, object> data) =>
        data.TryGetValue(Html, out var html) ? Text(html) : "";

    public static string Text(object data) => data as string ?? string.Concat((IEnumerable<object>)data);

    /// <summary>True for the output with plotly.js in it that the kit's first cell shows (see NotebookContract).</summary>
    public static bool IsPlotlyScript(string html) =>
        html.Contains(NotebookContract.PlotlyScriptAttribute, StringComparison.Ordinal);

    /// <summary>
    /// Outputs as they are saved into a notebook file, so that regenerating a notebook changes only what really changed:
    /// the first cell's plotly.js (3.6 MB, there for the session's charts; saved charts carry their picture) keeps only
    /// its one-line text; the kit's dev package version (0.1.0-dev.yyyyMMddHHmmss, new with every build) loses its time
    /// stamp; and the ids that are new in every session (a chart's random id, a table's clock-tick id) become the
    /// notebook's name and a count, in order of appearance. A live session keeps random ids, which never meet these.
    /// </summary>
    public static void PrepareForSaving(InteractiveDocument document, string notebookName)
    {
        string stem = Regex.Replace(notebookName.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        var ids = new Dictionary<string, string>();
        var counts = new Dictionary<string, int>();
        string Stable(Match id)
        {
            if (ids.TryGetValue(id.Value, out var known)) return known;
            string kind = id.Groups["kind"].Value;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            return ids[id.Value] = $"{kind}{stem}-{counts[kind]}";
        }
        string Saved(string text) => SessionId().Replace(DevVersion().Replace(text, "${package}"), Stable);

        foreach (var cell in document.Elements)
        {
            for (int i = 0; i < cell.Outputs.Count; i++)
            {
                if (cell.Outputs[i] is TextElement text)
                {
                    cell.Outputs[i] = new TextElement(Saved(text.Text), text.Name);
                    continue;
                }
                if (DataOf(cell.Outputs[i]) is not { } data) continue;
                if (IsPlotlyScript(HtmlOf(data))) data.Remove(Html);
                foreach (var (mime, value) in data.ToList())
                    if (value is string s) data[mime] = Saved(s);
            }
        }
    }

    /// <summary>A chart container's random id (lessons-chart-GUID) or a DataFrame table's clock-tick id (table_TICKS).</summary>
    [GeneratedRegex(@"(?<kind>lessons-chart-|table_)(?:[0-9a-f]{32}|\d{15,})\b")]
    private static partial Regex SessionId();

    /// <summary>"Lessons.Notebooks, 0.1.0-dev.20261201142152" or "Lessons 0.1.0-dev.20261201142152".</summary>
    [GeneratedRegex(@"(?<package>\bLessons(\.Notebooks)?,? \d+\.\d+\.\d+-dev)\.\d{14}\b")]
    private static partial Regex DevVersion();
}
