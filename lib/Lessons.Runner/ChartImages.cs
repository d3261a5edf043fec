using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

public static class ChartImages
{
    public static string? FindChromium(string? path) => null;
    public static Task AddAsync(InteractiveDocument document, string chromium, CancellationToken cancellationToken) => Task.CompletedTask;
}
