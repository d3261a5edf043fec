using Lessons.Editions;
using Lessons.Tests.Runner;

namespace Lessons.Tests.Notebooks;

/// <summary>The repository's notebooks: the English ones and, under <see cref="Turkish"/>, the Turkish edition.</summary>
static class RepositoryNotebooks
{
    /// <summary>The repository's notebooks folder.</summary>
    public static string Folder { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(TestNotebooks.Folder)!, "..", "..", "..", "notebooks"));

    /// <summary>The Turkish edition's folder, inside <see cref="Folder"/>.</summary>
    public const string Turkish = "tr";

    /// <summary>The English notebooks (lessons, appendix, keys), relative to <see cref="Folder"/> with '/'.</summary>
    public static IReadOnlyList<string> English() => NotebookEditions.English(Folder);
}
