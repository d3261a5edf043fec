using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

/// <summary>The runner's test notebooks (in the source tree, so that the repo's nuget.config is found from their folder).</summary>
static class TestNotebooks
{
    public static string Folder { get; } = Path.Combine(TestRepository.Root, "tests", "Lessons.Tests", "Runner", "Notebooks");

    public static string Path_(string name) => Path.Combine(Folder, name);

    /// <summary>Runs a test notebook, writing the executed copy to a temporary file, and reads that copy back (with its size).</summary>
    public static async Task<(NotebookRunResult Result, InteractiveDocument Executed, long Bytes)> RunAsync(string name,
        RunnerOptions? options = null)
    {
        string output = Path.Combine(Path.GetTempPath(), $"lessons-runner-{Guid.NewGuid():N}", name);
        options = (options ?? new RunnerOptions()) with { OutputPath = output };
        var result = await new NotebookRunner(options).RunAsync(Path_(name));
        try
        {
            return (result, NotebookFile.Read(output), new FileInfo(output).Length);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    public static List<InteractiveDocumentElement> CodeCells(InteractiveDocument document) =>
        document.Elements.Where(e => e.KernelName != NotebookFile.Markdown).ToList();

    /// <summary>An output's data as one string (read back from .ipynb, multi-line data is a list of lines).</summary>
    public static string Text(object data) => data is string text ? text : string.Concat((IEnumerable<object>)data);
}
