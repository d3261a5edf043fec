using System.Text.Json.Nodes;
using Lessons.Editions;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// The Turkish edition is kept in step with the English one: every English notebook has its Turkish notebook at the
/// same path under notebooks/tr/, with the same cells in the same order, the same kinds and tags, and the same code but
/// for its strings, which it translates (the first cell loads the kit in Turkish), and prose that is translated, not
/// left in English.
/// </summary>
public sealed class TurkishEditionTests
{
    public static TheoryData<string> EnglishNotebooks() => new(RepositoryNotebooks.English());

    [Fact]
    public void Every_Turkish_notebook_has_its_English_one()
    {
        var turkish = Directory.GetFiles(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish), "*.ipynb", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(RepositoryNotebooks.English(), turkish);
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void The_Turkish_notebook_keeps_step_with_the_English_one(string notebook)
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, notebook));
        string turkishPath = Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, notebook);
        Assert.True(File.Exists(turkishPath), $"{notebook} has no Turkish notebook at notebooks/tr/{notebook}");
        Assert.Empty(NotebookEditions.Differences($"tr/{notebook}", english, File.ReadAllText(turkishPath), "tr"));
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void The_Turkish_prose_is_translated(string notebook)
    {
        var english = Markdown(File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, notebook)));
        var turkish = Markdown(File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, notebook)));
        var untranslated = english.Zip(turkish).Where(pair => pair.First.Length > 80 && pair.First == pair.Second)
            .Select(pair => pair.First[..60]);
        Assert.Empty(untranslated);
        Assert.Contains(turkish, text => text.Contains('ı') || text.Contains('ş') || text.Contains('ğ'));
    }

    [Fact]
    public void A_code_cell_changed_in_English_only_fails_naming_the_notebook_cell_and_line()
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, "02-simple-rnn.ipynb"));
        string turkish = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, "02-simple-rnn.ipynb"));
        Assert.Empty(NotebookEditions.Differences("tr/02-simple-rnn.ipynb", english, turkish, "tr"));

        var changed = JsonNode.Parse(english)!;
        var cells = changed["cells"]!.AsArray();
        int index = cells.Select((c, i) => (c, i)).First(p => (string?)p.c!["cell_type"] == "code" &&
            StudentEdition.Source(p.c!.AsObject()).Contains("var W = randn(4, 3)", StringComparison.Ordinal)).i;
        string source = StudentEdition.Source(cells[index]!.AsObject());
        cells[index]!["source"] = new JsonArray(source.Replace("var W = randn(4, 3)", "var W = randn(4, 5)", StringComparison.Ordinal));

        var differences = NotebookEditions.Differences("tr/02-simple-rnn.ipynb", changed.ToJsonString(), turkish, "tr");

        int line = source.Split('\n').TakeWhile(l => !l.Contains("var W = randn(4, 3)", StringComparison.Ordinal)).Count() + 1;
        Assert.Equal([$"tr/02-simple-rnn.ipynb, cell {index + 1}: the code differs from the English cell's at line {line}"], differences);
    }

    [Fact]
    public void Syncing_carries_the_English_code_into_the_Turkish_notebook_and_keeps_its_prose()
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, "02-simple-rnn.ipynb"));
        string turkish = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, "02-simple-rnn.ipynb"));
        Assert.Null(NotebookEditions.Sync("tr/02-simple-rnn.ipynb", english, turkish, "tr"));
        string changed = english.Replace("var W = randn(4, 3)", "var W = randn(4, 5)", StringComparison.Ordinal);

        string synced = NotebookEditions.Sync("tr/02-simple-rnn.ipynb", changed, turkish, "tr")!;

        Assert.Empty(NotebookEditions.Differences("tr/02-simple-rnn.ipynb", changed, synced, "tr"));
        Assert.Equal(Markdown(turkish), Markdown(synced));
        var cells = JsonNode.Parse(synced)!["cells"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Contains("Kit.Load(language: \"tr\");", StudentEdition.Source(cells[1]));
        var edited = cells.Single(c => StudentEdition.Source(c).Contains("var W = randn(4, 5)", StringComparison.Ordinal));
        Assert.Empty(edited["outputs"]!.AsArray());
        Assert.NotEmpty(cells.Where(c => c != edited && (string?)c["cell_type"] == "code").SelectMany(c => c["outputs"]!.AsArray()));
    }

    [Fact]
    public void A_Turkish_cell_translates_its_strings_but_keeps_their_values()
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, "02-simple-rnn.ipynb"));
        string turkish = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, "02-simple-rnn.ipynb"));
        const string line = "Console.WriteLine($\"{model.parameters().Sum(p => p.numel()):N0} parametre\");";
        Assert.Contains(line.Replace("\"", "\\\"", StringComparison.Ordinal), turkish);

        string reworded = turkish.Replace("} parametre\\\"", "} ağırlık ve yanlılık\\\"", StringComparison.Ordinal);
        string recomputed = turkish.Replace("p => p.numel()):N0} parametre", "p => 2 * p.numel()):N0} parametre", StringComparison.Ordinal);

        Assert.NotEqual(turkish, reworded);
        Assert.Empty(NotebookEditions.Differences("tr/02-simple-rnn.ipynb", english, reworded, "tr"));
        Assert.Single(NotebookEditions.Differences("tr/02-simple-rnn.ipynb", english, recomputed, "tr"));
    }

    [Fact]
    public void Syncing_keeps_a_cell_whose_English_strings_changed_and_names_the_strings_of_a_cell_whose_code_changed()
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, "02-simple-rnn.ipynb"));
        string turkish = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, "02-simple-rnn.ipynb"));
        string reworded = english.Replace("} parameters\\\"", "} weights and biases\\\"", StringComparison.Ordinal);
        Assert.NotEqual(english, reworded);
        var toTranslate = new List<string>();

        Assert.Null(NotebookEditions.Sync("tr/02-simple-rnn.ipynb", reworded, turkish, "tr", toTranslate));
        Assert.Empty(toTranslate);

        string changed = english.Replace("var W = randn(4, 3)", "var W = randn(4, 5)", StringComparison.Ordinal);
        string synced = NotebookEditions.Sync("tr/02-simple-rnn.ipynb", changed, turkish, "tr", toTranslate)!;

        int cell = JsonNode.Parse(synced)!["cells"]!.AsArray().Select((c, i) => (c, i))
            .First(p => StudentEdition.Source(p.c!.AsObject()).Contains("var W = randn(4, 5)", StringComparison.Ordinal)).i + 1;
        string only = Assert.Single(toTranslate);
        Assert.StartsWith($"tr/02-simple-rnn.ipynb, cell {cell}: $\"W: [{{string.Join(\" x \", W.shape)}}]   (embedding x hidden)\", ", only);
    }

    [Fact]
    public void Syncing_a_notebook_whose_cells_no_longer_line_up_names_the_first_such_cell()
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, "01-text-to-tensors.ipynb"));
        string turkish = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, "01-text-to-tensors.ipynb"));
        var changed = JsonNode.Parse(english)!;
        changed["cells"]!.AsArray().Insert(2, JsonNode.Parse("""{"cell_type": "code", "metadata": {}, "source": ["Console.WriteLine(1);"], "outputs": []}"""));

        var error = Assert.Throws<InvalidDataException>(() =>
            NotebookEditions.Sync("tr/01-text-to-tensors.ipynb", changed.ToJsonString(), turkish, "tr"));

        Assert.StartsWith("tr/01-text-to-tensors.ipynb: ", error.Message);
        Assert.EndsWith(": add or remove the translated cell by hand, then sync again.", error.Message);
    }

    [Fact]
    public void A_cell_added_in_English_only_fails()
    {
        string english = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, "01-text-to-tensors.ipynb"));
        string turkish = File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish, "01-text-to-tensors.ipynb"));
        var changed = JsonNode.Parse(english)!;
        var cells = changed["cells"]!.AsArray();
        cells.Insert(2, JsonNode.Parse("""{"cell_type": "code", "metadata": {}, "source": ["Console.WriteLine(1);"], "outputs": []}"""));

        var differences = NotebookEditions.Differences("tr/01-text-to-tensors.ipynb", changed.ToJsonString(), turkish, "tr");

        Assert.Contains($"tr/01-text-to-tensors.ipynb: {cells.Count - 1} cells, the English notebook has {cells.Count}", differences);
        Assert.Contains("tr/01-text-to-tensors.ipynb, cell 3: a markdown cell where the English notebook has a code cell", differences);
    }

    static List<string> Markdown(string notebook) =>
        [.. JsonNode.Parse(notebook)!["cells"]!.AsArray().OfType<JsonObject>()
            .Where(c => (string?)c["cell_type"] == "markdown").Select(StudentEdition.Source)];
}
