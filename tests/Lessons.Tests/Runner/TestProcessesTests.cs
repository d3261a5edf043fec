using System.Text.RegularExpressions;
using Lessons.Tests.Notebooks;

namespace Lessons.Tests.Runner;

/// <summary>
/// Every process a test starts runs in a folder the test owns. The in-process notebook runner moves the test host's
/// working folder into a notebook's temporary folder; a child started then inherits it, the folder is deleted while the
/// child runs, and LibTorch's MKL aborts (exit 134). Two CI runs failed that way before each start said where it runs.
/// </summary>
public sealed partial class TestProcessesTests
{
    [Fact]
    public void Every_process_a_test_starts_names_its_working_folder()
    {
        string tests = Path.GetFullPath(Path.Combine(RepositoryNotebooks.Folder, "..", "tests"));
        char s = Path.DirectorySeparatorChar;
        var found = new List<string>();
        foreach (string file in Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{s}obj{s}", StringComparison.Ordinal) && !f.Contains($"{s}bin{s}", StringComparison.Ordinal)
                && Path.GetFileName(f) != $"{nameof(TestProcessesTests)}.cs"))
        {
            string text = File.ReadAllText(file);
            foreach (Match start in NewStartInfo().Matches(text))
            {
                int end = text.IndexOf("Process.Start(", start.Index, StringComparison.Ordinal);
                string setUp = text[start.Index..(end < 0 ? Math.Min(text.Length, start.Index + 1500) : end)];
                if (!setUp.Contains("WorkingDirectory", StringComparison.Ordinal))
                    found.Add($"{Path.GetRelativePath(tests, file)} line {text[..start.Index].Count(c => c == '\n') + 1}");
            }
        }
        Assert.Empty(found);
    }

    [GeneratedRegex(@"new (System\.Diagnostics\.)?ProcessStartInfo\(")]
    private static partial Regex NewStartInfo();
}
