using System.Net;
using System.Text;
using Markdig;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

/// <summary>
/// Writes an executed notebook as one HTML page: markdown rendered, code in &lt;pre&gt;, each output in its richest
/// form (HTML, PNG, text). Charts draw offline: the page holds the plotly.js that the notebook's first cell showed
/// (one copy, as in the front end's page), and no CDN is touched.
/// </summary>
public static class HtmlExport
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes <c>FOLDER/NAME.html</c>; returns the page's path.</summary>
    public static string Write(InteractiveDocument document, string name, string folder)
    {
        Directory.CreateDirectory(folder);
        string page = Path.Combine(Path.GetFullPath(folder), name + ".html");
        File.WriteAllText(page, Render(document, name), new UTF8Encoding(false));
        return page;
    }

    public static string Render(InteractiveDocument document, string title)
    {
        var page = new StringBuilder();
        page.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{Encode(title)}}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            pre { background: #f6f8fa; padding: .75rem; overflow-x: auto; border-radius: 4px; font-size: 14px; }
            .code { border-left: 3px solid #4a7bd0; } .count { color: #888; font-size: 12px; }
            .stderr { background: #fff4e5; } .error { background: #fdecea; color: #8a1c1c; }
            .output { margin: .5rem 0 1.5rem; overflow-x: auto; } .output pre { white-space: pre-wrap; }
            </style>
            """);
        page.Append("</head><body>\n");
        foreach (var cell in document.Elements)
        {
            if (cell.KernelName is NotebookFile.Markdown or "md")
            {
                page.Append("<section class=\"markdown\">").Append(Markdig.Markdown.ToHtml(cell.Contents, Markdown)).Append("</section>\n");
                continue;
            }
            string count = cell.ExecutionOrder > 0 ? cell.ExecutionOrder.ToString() : " ";
            page.Append($"<div class=\"count\">[{count}]</div><pre class=\"code\"><code>{Encode(cell.Contents)}</code></pre>\n");
            foreach (var output in cell.Outputs) page.Append("<div class=\"output\">").Append(RenderOutput(output)).Append("</div>\n");
        }
        return page.Append("</body></html>\n").ToString();
    }

    static string RenderOutput(InteractiveDocumentOutputElement output) => output switch
    {
        TextElement text => $"<pre class=\"{(text.Name == "stderr" ? "stderr" : "stdout")}\">{Encode(text.Text)}</pre>",
        ErrorElement error => $"<pre class=\"error\">{Encode($"{error.ErrorName}: {error.ErrorValue}")}</pre>",
        _ when Html(output) is { } html => html,
        _ when Data(output) is { } data && data.TryGetValue("image/png", out var png) => $"<img alt=\"output\" src=\"data:image/png;base64,{Text(png)}\">",
        _ when Data(output) is { } data && data.TryGetValue("text/plain", out var plain) => $"<pre>{Encode(Text(plain))}</pre>",
        _ => "",
    };

    static IDictionary<string, object>? Data(InteractiveDocumentOutputElement output) => NotebookOutputs.DataOf(output);

    static string? Html(InteractiveDocumentOutputElement output) =>
        Data(output) is { } data && data.ContainsKey(NotebookOutputs.Html) ? NotebookOutputs.HtmlOf(data) : null;

    static string Text(object data) => NotebookOutputs.Text(data);

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
