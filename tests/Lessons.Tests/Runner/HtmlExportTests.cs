using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

public class HtmlExportTests
{
    [Fact]
    public void Copies_the_local_images_markdown_links_to_beside_the_page_and_nothing_else()
    {
        var root = Directory.CreateTempSubdirectory("lessons-html-images-");
        try
        {
            var notebooks = root.CreateSubdirectory("notebooks");
            notebooks.CreateSubdirectory("images");
            File.WriteAllText(Path.Combine(notebooks.FullName, "images", "rnn-cell.svg"), "<svg>cell</svg>");
            File.WriteAllText(Path.Combine(root.FullName, "outside.png"), "outside");
            var document = new InteractiveDocument
            {
                new InteractiveDocumentElement(
                    "![cell](images/rnn-cell.svg) and again ![cell](images/rnn-cell.svg)\n\n" +
                    "![missing](images/missing.svg) ![web](https://example.org/x.png) ![up](../outside.png)",
                    NotebookFile.Markdown),
            };
            string output = Path.Combine(root.FullName, "out"), html = Path.Combine(output, "html");

            string page = HtmlExport.Write(document, "lesson", html, sourceFolder: notebooks.FullName);

            Assert.Contains("src=\"images/rnn-cell.svg\"", File.ReadAllText(page));
            Assert.Equal("<svg>cell</svg>", File.ReadAllText(Path.Combine(html, "images", "rnn-cell.svg")));
            // Only the page and the one image: no copy of the link that climbs out of the notebook's folder.
            Assert.Equal([Path.Combine("html", "images", "rnn-cell.svg"), Path.Combine("html", "lesson.html")],
                Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
