using System.Text.Json.Nodes;
using Lessons.Runner;

namespace Lessons.Editions;

/// <summary>
/// The lesson notebooks in other languages: notebooks/tr/ holds the Turkish edition of every English notebook of
/// notebooks/ (and of notebooks/key/ in tr/key/), at the same path. An edition keeps step with the English notebooks by
/// construction: the same cells in the same order, of the same kinds and tags, and the same code but for its own
/// strings, which it translates (<see cref="EditionCode"/>), and the first cell loading the kit in its language.
/// <see cref="Differences"/> says where a translation has left its English notebook; <see cref="Sync"/> carries the
/// English code into it (<c>lessons sync-edition</c>).
/// </summary>
public static class NotebookEditions
{
    /// <summary>The languages with an edition: the subfolders of <paramref name="notebooks"/> named by a two-letter
    /// language code (tr), in order.</summary>
    public static IReadOnlyList<string> Languages(string notebooks) =>
        [.. Directory.GetDirectories(notebooks).Select(Path.GetFileName).OfType<string>()
            .Where(name => name.Length == 2 && name.All(char.IsAsciiLetterLower)).Order(StringComparer.Ordinal)];

    /// <summary>The English notebooks' call that loads the kit, which an edition's notebooks make in their language.</summary>
    public const string EnglishLoad = "Kit.Load();";

    /// <summary>How a notebook of <paramref name="language"/>'s edition loads the kit: <c>Kit.Load(language: "tr");</c></summary>
    public static string Load(string language) => $"Kit.Load(language: \"{language}\");";

    /// <summary>The English notebooks under <paramref name="folder"/> (lessons, appendix, keys; no edition), relative, with '/'.</summary>
    public static IReadOnlyList<string> English(string folder) =>
        [.. Directory.GetFiles(folder, "*.ipynb", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !Languages(folder).Any(l => f.StartsWith(l + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// How <paramref name="translated"/> (named <paramref name="name"/>) differs from <paramref name="english"/> in what
    /// must stay the same. One message per difference, naming the notebook and the cell (counted from 1).
    /// </summary>
    public static IReadOnlyList<string> Differences(string name, string english, string translated, string language)
    {
        var e = Cells(english, name);
        var t = Cells(translated, name);
        var found = Structure(name, e, t).ToList();
        for (int i = 0; i < Math.Min(e.Count, t.Count); i++)
        {
            if (Kind(e[i]) != Kind(t[i])) continue;
            if (Tags(e[i]) != Tags(t[i]))
                found.Add($"{name}, cell {i + 1}: tags [{Tags(t[i])}], the English cell's are [{Tags(e[i])}]");
            if (Kind(e[i]) == "code" && EditionCode.Masked(Code(e[i], language)) is var expected &&
                EditionCode.Masked(StudentEdition.Source(t[i])) is var actual && actual != expected)
                found.Add($"{name}, cell {i + 1}: the code differs from the English cell's at line " + FirstDifferentLine(expected, actual));
        }
        return found;
    }

    /// <summary>
    /// <paramref name="translated"/> with the code of <paramref name="english"/>: a code cell whose code differs from the
    /// English cell's beyond its strings (<see cref="EditionCode.Masked"/>) is copied from English (the kit loaded in
    /// <paramref name="language"/>), its outputs cleared, and named in <paramref name="toTranslate"/> with the English
    /// strings it now holds; a cell that differs only in its strings keeps its translation. Tags are copied, the prose
    /// kept. Null when nothing changes.
    /// </summary>
    /// <exception cref="InvalidDataException">The cells do not line up (a cell added, removed or of another kind): a
    /// translator adds the prose first; the message names the notebook and the first cell.</exception>
    public static string? Sync(string name, string english, string translated, string language, ICollection<string>? toTranslate = null)
    {
        // Each file named as the reader knows it: "tr/01-….ipynb" is the translation of "01-….ipynb".
        string prefix = language + "/";
        var e = Cells(english, name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name);
        var notebook = NotebookJson.Parse(translated, name);
        var t = NotebookJson.Cells(notebook);
        if (Structure(name, e, t).FirstOrDefault() is { } problem)
            throw new InvalidDataException($"{problem}: add or remove the translated cell by hand, then sync again.");
        bool changed = false;
        for (int i = 0; i < e.Count; i++)
        {
            if (Kind(e[i]) != "code") continue;
            string code = Code(e[i], language);
            if (EditionCode.Masked(StudentEdition.Source(t[i])) != EditionCode.Masked(code))
            {
                StudentEdition.SetSource(t[i], code);
                if (EditionCode.Strings(code) is { Count: > 0 } strings)
                    toTranslate?.Add($"{name}, cell {i + 1}: {string.Join(", ", strings)}");
                t[i]["outputs"] = new JsonArray();
                t[i]["execution_count"] = null;
                changed = true;
            }
            if (!JsonNode.DeepEquals(e[i]["metadata"], t[i]["metadata"]))
            {
                t[i]["metadata"] = e[i]["metadata"]?.DeepClone();
                changed = true;
            }
        }
        return changed ? NotebookJson.Write(notebook) : null;
    }

    static IEnumerable<string> Structure(string name, List<JsonObject> english, List<JsonObject> translated)
    {
        if (english.Count != translated.Count)
            yield return $"{name}: {translated.Count} cells, the English notebook has {english.Count}";
        for (int i = 0; i < Math.Min(english.Count, translated.Count); i++)
            if (Kind(english[i]) != Kind(translated[i]))
                yield return $"{name}, cell {i + 1}: a {Kind(translated[i])} cell where the English notebook has a {Kind(english[i])} cell";
    }

    static string Code(JsonObject englishCell, string language) =>
        StudentEdition.Source(englishCell).Replace(EnglishLoad, Load(language), StringComparison.Ordinal);

    static List<JsonObject> Cells(string json, string name) => NotebookJson.Cells(NotebookJson.Parse(json, name));

    static string Kind(JsonObject cell) => (string?)cell["cell_type"] ?? "?";

    static string Tags(JsonObject cell) =>
        string.Join(", ", cell["metadata"]?["tags"]?.AsArray().Select(t => (string?)t) ?? []);

    static int FirstDifferentLine(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        int line = 0;
        while (line < Math.Min(a.Length, b.Length) && a[line] == b[line]) line++;
        return line + 1;
    }
}
