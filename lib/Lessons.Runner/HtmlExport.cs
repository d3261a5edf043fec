using System.Net;
using System.Text;
using Lessons.Runtime;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

/// <summary>
/// Writes an executed notebook as one HTML page: markdown rendered, code in &lt;pre&gt;, each output in its richest
/// form (HTML, PNG, text). Charts draw offline: the page holds the plotly.js that the notebook's first cell showed
/// (one copy, as in the front end's page), and no CDN is touched. Local images that markdown cells link to
/// (<c>![..](images/rnn-cell.svg)</c>) are copied from the notebook's folder to the same relative place beside the page.
/// </summary>
public static class HtmlExport
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// Writes <c>FOLDER/NAME.html</c> (and the local images its markdown links to, found relative to
    /// <paramref name="sourceFolder"/>); returns the page's path.
    /// </summary>
    public static string Write(InteractiveDocument document, string name, string folder, string? sourceFolder = null)
    {
        Directory.CreateDirectory(folder);
        string page = Path.Combine(Path.GetFullPath(folder), name + ".html");
        if (sourceFolder is not null) CopyLocalImages(document, sourceFolder, Path.GetDirectoryName(page)!);
        AtomicFile.WriteText(page, Render(document, name));
        return page;
    }

    /// <summary>
    /// Copies each local image a markdown cell links to, so the page's relative links keep working. A link that leaves
    /// the notebook's folder (<c>..</c>) or names no existing file is left as it is: the page then shows what the
    /// notebook shows.
    /// </summary>
    static void CopyLocalImages(InteractiveDocument document, string sourceFolder, string folder)
    {
        foreach (string link in LocalImageLinks(document))
        {
            string source = Path.GetFullPath(Path.Combine(sourceFolder, link));
            string target = Path.GetFullPath(Path.Combine(folder, link));
            if (!File.Exists(source) || NotebookRunner.SamePath(source, target)) continue;
            AtomicFile.Write(target, (Stream copy) =>
            {
                using var image = File.OpenRead(source);
                image.CopyTo(copy);
            });
        }
    }

    static IReadOnlyList<string> LocalImageLinks(InteractiveDocument document) =>
    [
        .. document.Elements.Where(IsMarkdown)
            .SelectMany(cell => Markdig.Markdown.Parse(cell.Contents, Markdown).Descendants<LinkInline>())
            .Where(link => link.IsImage && link.Url is { Length: > 0 } url && IsRelativeInside(url))
            .Select(link => Uri.UnescapeDataString(link.Url!))
            .Distinct(),
    ];

    static bool IsRelativeInside(string url) =>
        !url.Contains(':') && !url.StartsWith('/') && !url.StartsWith('\\') && !url.Split('/', '\\').Contains("..");

    static bool IsMarkdown(InteractiveDocumentElement cell) => cell.KernelName is NotebookFile.Markdown or "md";

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
            if (IsMarkdown(cell))
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
