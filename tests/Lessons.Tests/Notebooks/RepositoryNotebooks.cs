using System.Text.Json;
using Lessons.Editions;

namespace Lessons.Tests.Notebooks;

/// <summary>The repository's notebooks: the English ones and, under <see cref="Turkish"/>, the Turkish edition.</summary>
static class RepositoryNotebooks
{
    /// <summary>The repository's notebooks folder.</summary>
    public static string Folder { get; } = Path.Combine(TestRepository.Root, "notebooks");

    /// <summary>The Turkish edition's folder, inside <see cref="Folder"/>.</summary>
    public const string Turkish = "tr";

    /// <summary>The English notebooks (lessons, appendix, keys), relative to <see cref="Folder"/> with '/'.</summary>
    public static IReadOnlyList<string> English() => NotebookEditions.English(Folder);

    /// <summary>Every notebook of both editions (lessons, appendix, keys), or only those under the folder
    /// <paramref name="under"/> (e.g. <see cref="Turkish"/>), relative to <see cref="Folder"/> with '/', in order.</summary>
    public static IReadOnlyList<string> All(string? under = null) =>
        [.. Directory.GetFiles(under is null ? Folder : Path.Combine(Folder, under), "*.ipynb", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order()];

    /// <summary>The code cells of <paramref name="notebook"/> (relative to <see cref="Folder"/>): each one's index among
    /// all the notebook's cells, and its source.</summary>
    public static IReadOnlyList<(int Cell, string Source)> CodeCells(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, notebook)));
        return [.. document.RootElement.GetProperty("cells").EnumerateArray()
            .Select((c, i) => (Cell: i, Kind: c.GetProperty("cell_type").GetString(), Source: Joined(c.GetProperty("source"))))
            .Where(c => c.Kind == "code").Select(c => (c.Cell, c.Source))];
    }

    /// <summary>A notebook's multi-line string (a list of lines, or one string) as one text.</summary>
    public static string Joined(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(v => v.GetString())) : value.GetString() ?? "";
}
