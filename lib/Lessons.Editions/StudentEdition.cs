using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lessons.Runner;

namespace Lessons.Editions;

/// <summary>What <see cref="StudentEdition.Write"/> wrote: the notebooks, how many cells became stubs, the assets copied.</summary>
public sealed record StudentEditionResult(string Folder, IReadOnlyList<string> Notebooks, int Stubs, IReadOnlyList<string> Assets);

/// <summary>
/// The notebooks for students (<c>lessons student-edition</c>): the notebooks of a folder (the lessons, and the
/// teachers' appendix the lessons link to; not subfolders such as the teacher's key) with every output and execution count cleared, and
/// each cell tagged <see cref="Tag"/> or <see cref="LoopTag"/> in its Jupyter metadata turned into a stub by
/// <see cref="CellStub"/>. Everything else is copied as it is, together with the files the notebooks' markdown links
/// to (the diagrams in images/). The folder is written whole or not at all.
/// </summary>
public static partial class StudentEdition
{
    /// <summary>The tag of a cell whose methods, local functions and constructors the student writes.</summary>
    public const string Tag = "student";

    /// <summary>The tag of a cell whose top-level loop the student writes (the open training loop).</summary>
    public const string LoopTag = "student-loop";

    /// <summary>The file that marks a folder as a student edition, which the next run may replace as a whole.</summary>
    public const string Marker = ".lessons-student-edition";

    /// <summary>
    /// The notebooks of <paramref name="folder"/> itself, in name order, then those of each language's subfolder
    /// (<see cref="NotebookEditions.Languages"/>): the lessons and the teachers' appendix, which the lessons link to (the teacher's key
    /// lives in a key/ subfolder and stays out).
    /// </summary>
    public static IReadOnlyList<string> Lessons(string folder) =>
        [.. new[] { folder }.Concat((Directory.Exists(folder) ? NotebookEditions.Languages(folder) : []).Select(l => Path.Combine(folder, l)))
            .SelectMany(f => Directory.GetFiles(f, "*.ipynb").Order(StringComparer.Ordinal))];

    /// <summary>Why <paramref name="output"/> cannot take a student edition, or null when it can: it must be new, empty,
    /// or an earlier student edition, and its parent folder writable.</summary>
    public static string? OutputProblem(string output)
    {
        string full = Path.GetFullPath(output);
        if (File.Exists(full)) return "it is a file";
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, Marker)))
            return "it holds files that are not a student edition; choose a new or empty folder";
        string? parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        if (parent is null) return "the root folder cannot hold a student edition";
        return FolderWriteCheck.Problem(parent) is { } problem ? $"{parent} is not writable: {problem}" : null;
    }

    /// <summary>Writes the student edition of the lessons in <paramref name="notebooks"/> into <paramref name="output"/>
    /// (replacing an earlier edition there), via a temporary folder beside it, so a failure leaves it as it was.</summary>
    /// <exception cref="InvalidDataException">A notebook is not an nbformat-4 notebook, or a marked cell cannot be stubbed:
    /// one line per such notebook (every notebook is checked), and nothing is written.</exception>
    public static StudentEditionResult Write(string notebooks, string output)
    {
        notebooks = Path.GetFullPath(notebooks);
        output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var lessons = Lessons(notebooks);
        if (lessons.Count == 0) throw new FileNotFoundException($"{notebooks}: no lesson notebooks (numbered *.ipynb) in it.");
        if (OutputProblem(output) is { } problem) throw new IOException($"Cannot write the student edition into {output}: {problem}.");

        string parent = Path.GetDirectoryName(output)!;
        string temporary = Path.Combine(parent, $".{Path.GetFileName(output)}.{Environment.ProcessId}.tmp");
        try
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            Directory.CreateDirectory(temporary);
            int stubs = 0;
            var assets = new SortedSet<string>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (string lesson in lessons)
            {
                string relative = Path.GetRelativePath(notebooks, lesson);
                string json;
                int stubbed;
                IReadOnlyList<string> links;
                try
                {
                    (json, stubbed, links) = ForStudents(File.ReadAllText(lesson), relative);
                }
                catch (InvalidDataException e)
                {
                    problems.Add(e.Message);   // the other notebooks are still checked, so that one run names every problem
                    continue;
                }
                string target = Path.Combine(temporary, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, json, new UTF8Encoding(false));
                stubs += stubbed;
                assets.UnionWith(links.Select(link => Asset(notebooks, Path.GetDirectoryName(lesson)!, link)).OfType<string>());
            }
            if (problems.Count > 0) throw new InvalidDataException(string.Join("\n", problems));
            foreach (string asset in assets)
            {
                string target = Path.Combine(temporary, asset);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(notebooks, asset), target);
            }
            File.WriteAllText(Path.Combine(temporary, Marker),
                "Written by `lessons student-edition`; its next run replaces this whole folder.\n");
            Replace(output, temporary);
            return new StudentEditionResult(output, lessons.Select(l => Path.Combine(output, Path.GetRelativePath(notebooks, l))).ToList(),
                stubs, [.. assets]);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>
    /// The student's copy of one notebook's JSON: outputs and execution counts cleared, marked cells stubbed; with the
    /// number of stubbed cells and the relative links of its markdown.
    /// </summary>
    public static (string Json, int Stubs, IReadOnlyList<string> Links) ForStudents(string json, string name)
    {
        var notebook = NotebookJson.Parse(json, name);
        var cells = NotebookJson.Cells(notebook);
        var codes = cells.Select(c => (string?)c["cell_type"] == "code" ? Source(c) : "").ToList();
        var links = new List<string>();
        int stubs = 0;
        // "tr/02-simple-rnn.ipynb": a notebook of the Turkish edition gets its stubs' words in Turkish.
        string language = name.Replace('\\', '/').Split('/') is [var folder, _, ..] ? folder : "en";
        for (int index = 0; index < cells.Count; index++)
        {
            var cell = cells[index];
            if ((string?)cell["cell_type"] == "markdown")
            {
                links.AddRange(Links(Source(cell)));
                continue;
            }
            if ((string?)cell["cell_type"] != "code") continue;
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
            var tags = cell["metadata"]?["tags"]?.AsArray().Select(t => (string?)t).ToList() ?? [];
            if (!tags.Contains(Tag) && !tags.Contains(LoopTag)) continue;
            string rest = string.Join("\n", codes.Skip(index));
            try
            {
                if (tags.Contains(Tag))
                    SetSource(cell, CellStub.Write(Source(cell), CellStub.Part.Members, function => CheckCall(rest, function), language));
                if (tags.Contains(LoopTag))
                    SetSource(cell, CellStub.Write(Source(cell), CellStub.Part.Loops, language: language));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{name}: cell {index + 1} is tagged for students, but {e.Message}.", e);
            }
            stubs++;
        }
        return (NotebookJson.Write(notebook), stubs, links);
    }

    /// <summary>A cell's source: one string, or the usual list of lines.</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue text => (string?)text ?? "",
        _ => "",
    };

    internal static void SetSource(JsonObject cell, string code)
    {
        var lines = new JsonArray();
        foreach (Match line in Lines().Matches(code)) lines.Add(line.Value);
        cell["source"] = lines;
    }

    /// <summary>The call that checks <paramref name="function"/> in <paramref name="code"/>, e.g. <c>StepCheck.Rnn(RnnStep)</c>.</summary>
    static string? CheckCall(string code, string function) =>
        Regex.Match(code, $@"\bStepCheck\.\w+\(\s*{Regex.Escape(function)}\s*\)") is { Success: true } m ? m.Value : null;

    /// <summary>Relative targets of markdown links and images, and of HTML src attributes.</summary>
    static IEnumerable<string> Links(string markdown) =>
        LinkTargets().Matches(markdown).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains(':') && !t.StartsWith('#') && !t.StartsWith('/'))
            .Select(t => Uri.UnescapeDataString(t.Split('#', '?')[0]))
            .Where(t => t.Length > 0);

    /// <summary>The path, relative to the notebooks folder, of a file linked from a notebook in <paramref name="from"/> to
    /// copy: inside the notebooks folder, present, not a notebook.</summary>
    static string? Asset(string notebooks, string from, string link)
    {
        string full = Path.GetFullPath(Path.Combine(from, link));
        string relative = Path.GetRelativePath(notebooks, full);
        bool inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return inside && File.Exists(full) && !full.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? relative : null;
    }

    /// <summary>Puts <paramref name="temporary"/> in <paramref name="output"/>'s place. An earlier edition there is set
    /// aside first, deleted only once the new one is in place, and put back if the move fails.</summary>
    static void Replace(string output, string temporary)
    {
        string? old = null;
        if (Directory.Exists(output))
        {
            old = $"{output}.{Environment.ProcessId}.old";
            Directory.Move(output, old);
        }
        try
        {
            Directory.Move(temporary, output);
        }
        catch
        {
            if (old is not null) Directory.Move(old, output);
            throw;
        }
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    [GeneratedRegex(@"[^\n]*\n|[^\n]+$")]
    private static partial Regex Lines();

    [GeneratedRegex(@"\]\(\s*<?(?<target>[^)\s>]+)|\bsrc\s*=\s*[""'](?<target>[^""']+)[""']")]
    private static partial Regex LinkTargets();
}
