using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lessons.Runner;
using static System.FormattableString;

namespace Lessons.Editions;

/// <summary>
/// The lessons' core path: the notebooks a class works through in one 90-minute lab. Each lesson notebook says at its
/// top, in its first cell, whether it is on the core path or a deep dive (<see cref="CoreMark"/>, <see cref="DeepDiveMark"/>,
/// in the Turkish edition <see cref="TurkishCoreMark"/>, <see cref="TurkishDeepDiveMark"/>), with the time it takes
/// and what it needs from earlier notebooks. <see cref="Prose"/> counts the words a student reads on the core path:
/// the markdown cells of the English core notebooks, a word being a run of characters without white space. A core
/// notebook may hold a deep-dive section: a heading that starts with <see cref="DeepDiveHeading"/>, up to the next
/// heading of the same or a higher level; its words are not on the core path.
/// </summary>
public static class CorePath
{
    /// <summary>How a core notebook's first cell marks it.</summary>
    public const string CoreMark = "**Core path**";

    /// <summary>How a deep dive's first cell marks it.</summary>
    public const string DeepDiveMark = "**Deep dive**";

    /// <summary>The Turkish edition's <see cref="CoreMark"/>.</summary>
    public const string TurkishCoreMark = "**Ana yol**";

    /// <summary>The Turkish edition's <see cref="DeepDiveMark"/>.</summary>
    public const string TurkishDeepDiveMark = "**Derinleşme**";

    /// <summary>How the heading of a deep-dive section inside a core notebook starts ("## Deep dive: ...").</summary>
    public const string DeepDiveHeading = "Deep dive";

    /// <summary>The most prose words the core path may hold: what a student reads once in a 90-minute lab.</summary>
    public const int MaxWords = 9_000;

    /// <summary>The text of a notebook's first cell, where its mark stands.</summary>
    public static string FirstCell(JsonObject notebook) =>
        NotebookJson.Cells(notebook) is [var first, ..] ? StudentEdition.Source(first) : "";

    /// <summary>The words in the markdown cells of <paramref name="notebook"/>, leaving out its deep-dive sections.</summary>
    public static int ProseWords(JsonObject notebook)
    {
        int words = 0, deepDiveLevel = 0;   // 0: outside a deep-dive section
        foreach (var cell in NotebookJson.Cells(notebook).Where(cell => (string?)cell["cell_type"] == "markdown"))
            foreach (var line in StudentEdition.Source(cell).Split('\n'))
            {
                if (Heading.Match(line) is { Success: true } heading)
                {
                    int level = heading.Groups[1].Length;
                    if (deepDiveLevel > 0 && level <= deepDiveLevel) deepDiveLevel = 0;
                    if (heading.Groups[2].Value.StartsWith(DeepDiveHeading, StringComparison.Ordinal)) deepDiveLevel = level;
                }
                if (deepDiveLevel == 0) words += Word.Count(line);
            }
        return words;
    }

    /// <summary>
    /// The English core notebooks directly in <paramref name="folder"/> (notebooks/), in order, each with its prose
    /// words (<see cref="ProseWords"/>).
    /// </summary>
    public static IReadOnlyList<(string Notebook, int Words)> Prose(string folder) =>
        [.. Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Notebook: NotebookJson.Read(path)))
            .Where(n => FirstCell(n.Notebook).Contains(CoreMark, StringComparison.Ordinal))
            .Select(n => (Path.GetFileName(n.Path), ProseWords(n.Notebook)))];

    /// <summary>One line per core notebook ("01-text-to-tensors.ipynb  1,234 words"), then the total against <see cref="MaxWords"/>.</summary>
    public static string Report(IReadOnlyList<(string Notebook, int Words)> prose) =>
        string.Join("\n", prose.Select(p => Invariant($"{p.Notebook,-40} {p.Words,6:N0} words"))
            .Append(Invariant($"{"core path",-40} {prose.Sum(p => p.Words),6:N0} words (at most {MaxWords:N0})")));

    static readonly Regex Heading = new(@"^(#{1,6})\s+(.*)$", RegexOptions.CultureInvariant);

    static readonly Regex Word = new(@"\S+", RegexOptions.CultureInvariant);
}
