using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

public static class HtmlExport
{
    public static string Write(InteractiveDocument document, string name, string folder) => throw new NotImplementedException();
}
