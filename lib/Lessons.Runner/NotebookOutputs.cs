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
    /// Outputs as they are saved into a notebook file: the first cell's plotly.js (3.6 MB, there for the session's
    /// charts; saved charts carry their picture) keeps only its one-line text, and the kit's dev package version
    /// (0.1.0-dev.yyyyMMddHHmmss, new with every build) loses its time stamp, so that regenerating a notebook does not
    /// change its first cell when nothing else changed.
    /// </summary>
    public static void PrepareForSaving(InteractiveDocument document)
    {
        foreach (var cell in document.Elements)
        {
            for (int i = 0; i < cell.Outputs.Count; i++)
            {
                if (cell.Outputs[i] is TextElement text)
                {
                    cell.Outputs[i] = new TextElement(DevVersion().Replace(text.Text, "${package}"), text.Name);
                    continue;
                }
                if (DataOf(cell.Outputs[i]) is not { } data) continue;
                if (IsPlotlyScript(HtmlOf(data))) data.Remove(Html);
                foreach (var (mime, value) in data.ToList())
                    if (value is string s) data[mime] = DevVersion().Replace(s, "${package}");
            }
        }
    }

    /// <summary>"Lessons.Notebooks, 0.1.0-dev.20261201142152" or "Lessons 0.1.0-dev.20261201142152".</summary>
    [GeneratedRegex(@"(?<package>\bLessons(\.Notebooks)?,? \d+\.\d+\.\d+-dev)\.\d{14}\b")]
    private static partial Regex DevVersion();
}
