using Lessons.Editions;
using Lessons.Runner;
using Lessons.Tests.Data;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// The core path a class works through in 90 minutes: every lesson notebook says at its top whether it is on it, and the
/// core notebooks' prose stays within what a student reads once (<see cref="CorePath.MaxWords"/>).
/// </summary>
public sealed class CorePathTests
{
    static readonly string[] Lessons =
        [.. Directory.GetFiles(RepositoryNotebooks.Folder, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void The_core_path_holds_at_most_9000_words_of_prose_and_the_failure_names_each_notebook()
    {
        var prose = CorePath.Prose(RepositoryNotebooks.Folder);

        Assert.Contains(prose, p => p.Notebook == "08-your-own-data.ipynb");
        Assert.True(prose.Sum(p => p.Words) <= CorePath.MaxWords, "the core path is too long:\n" + CorePath.Report(prose));
    }

    [Fact]
    public void Every_lesson_notebook_says_at_its_top_whether_it_is_core_or_a_deep_dive_in_both_editions()
    {
        var unmarked = Lessons.Where(name => !Marked(Path.Combine(RepositoryNotebooks.Folder, name), CorePath.CoreMark, CorePath.DeepDiveMark))
            .Concat(Lessons.Where(name => !Marked(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, name),
                CorePath.TurkishCoreMark, CorePath.TurkishDeepDiveMark)).Select(name => $"{RepositoryNotebooks.Turkish}/{name}"));
        Assert.Empty(unmarked);
    }

    [Fact]
    public void A_Turkish_notebook_is_on_the_core_path_when_its_English_one_is()
    {
        var differ = Lessons.Where(name =>
            CorePath.FirstCell(NotebookJson.Read(Path.Combine(RepositoryNotebooks.Folder, name))).Contains(CorePath.CoreMark, StringComparison.Ordinal)
            != CorePath.FirstCell(NotebookJson.Read(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, name)))
                .Contains(CorePath.TurkishCoreMark, StringComparison.Ordinal));
        Assert.Empty(differ);
    }

    [Fact]
    public void Prose_words_are_counted_in_markdown_cells_outside_deep_dive_sections_and_the_report_names_each_notebook()
    {
        using var folder = new TempFolder();
        folder.Write("01-core.ipynb", Notebook(("markdown", "# Title\\n\\n**Core path** · 5 minutes"), ("code", "var x = 1; // not prose"),
            ("markdown", "two  words\\n"), ("markdown", "## Deep dive: more\\nskip these four words\\n### still deep"),
            ("code", "var y = 2;"), ("markdown", "skipped too\\n## Back\\none")));
        folder.Write("02-deep.ipynb", Notebook(("markdown", "**Deep dive** · many words here")));

        var prose = CorePath.Prose(folder.Path);

        Assert.Equal([("01-core.ipynb", 12)], prose);
        Assert.Equal($"{"01-core.ipynb",-40}     12 words\n{"core path",-40}     12 words (at most 9,000)", CorePath.Report(prose));
    }

    static bool Marked(string path, params string[] marks) =>
        marks.Count(mark => CorePath.FirstCell(NotebookJson.Read(path)).Contains(mark, StringComparison.Ordinal)) == 1;

    static string Notebook(params (string Kind, string Source)[] cells) =>
        "{\"cells\": [" + string.Join(", ", cells.Select(c =>
            $"{{\"cell_type\": \"{c.Kind}\", \"metadata\": {{}}, \"source\": \"{c.Source}\"" +
            (c.Kind == "code" ? ", \"outputs\": [], \"execution_count\": null" : "") + "}")) +
        "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
}
