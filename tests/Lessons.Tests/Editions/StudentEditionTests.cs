using System.Text.Json.Nodes;
using Lessons.Editions;
using Lessons.Runner;
using Lessons.Tests.Notebooks;
using Lessons.Tests.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Editions;

/// <summary>
/// The student edition of the real lesson notebooks: outputs cleared, the tagged cells stubbed and nothing else
/// changed; filled back from the teacher's notebook it runs; with only the step written, the step check passes and the
/// next stub stops the run with one line saying what is missing. It is written inside the repository (under the test's build output) so that the notebooks find
/// the kit's nuget.config and data as the lessons do.
/// </summary>
[Collection(nameof(LessonNotebooks))]
[Trait(Lane.Name, Lane.Slow)]
public sealed class StudentEditionTests : IDisposable
{
    static readonly string Teachers = Path.GetFullPath(Path.Combine(TestNotebooks.Folder, "..", "..", "..", "..", "notebooks"));

    readonly string folder = Path.Combine(AppContext.BaseDirectory, $"student-edition-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>The cells of the lessons that students write: notebook, tag, a line of the signature kept, a line of the
    /// solution that must be gone.</summary>
    static readonly (string Notebook, string Tag, string[] Kept, string Gone)[] Marked =
    [
        ("02-simple-rnn.ipynb", "student", ["Tensor RnnStep(Tensor x, Tensor s, Tensor W, Tensor H, Tensor b)"], "tanh(x.matmul(W)"),
        ("02-simple-rnn.ipynb", "student",
            ["class RnnClassifier : nn.Module<Tensor, Tensor, Tensor>", "public override Tensor forward(Tensor tokens, Tensor lengths)",
             "readonly TorchSharp.Modules.RNN rnn;"], "RegisterComponents();"),
        ("02-simple-rnn.ipynb", "student-loop",
            ["double Accuracy(RnnClassifier model, IReadOnlyList<EncodedExample> examples)",
             "for (int epoch = 1; epoch <= epochs; epoch++)"], "loss.backward();"),
        ("03-lstm.ipynb", "student", ["(Tensor H, Tensor C) LstmStep(Tensor x, Tensor h, Tensor c, LstmWeights w)"], "f * c + i * g"),
        ("05b-tagging.ipynb", "student",
            ["class Tagger : nn.Module<Tensor, Tensor, Tensor>", "public override Tensor forward(Tensor tokens, Tensor lengths)",
             "readonly TorchSharp.Modules.LSTM lstm;"], "pack_padded_sequence"),
        ("07-gru-and-beyond.ipynb", "student", ["Tensor GruStep(Tensor x, Tensor h, GruWeights w)"], "(1 - z) * n + z * h"),
        ("07b-language-model.ipynb", "student",
            ["string Sample(LanguageModel model, CharVocabulary vocabulary, double temperature, int maxLength, Generator generator)",
             "Console.WriteLine(StepCheck.Sampling(Sample));"], "multinomial(probabilities, 1, generator: generator)"),
    ];

    [Fact]
    public void Clears_outputs_stubs_the_tagged_cells_and_keeps_everything_else()
    {
        var written = StudentEdition.Write(Teachers, folder);

        // The English lessons, and the Turkish ones in tr/; the teacher's keys (key/, tr/key/) stay out.
        var lessons = Directory.GetFiles(Teachers, "*.ipynb").Concat(Directory.GetFiles(Path.Combine(Teachers, "tr"), "*.ipynb"))
            .Select(f => Path.GetRelativePath(Teachers, f)).Order().ToList();
        Assert.Equal(22, lessons.Count);
        Assert.Equal(lessons, written.Notebooks.Select(f => Path.GetRelativePath(folder, f)).Order());
        Assert.Equal(Directory.GetFiles(folder, "*.ipynb", SearchOption.AllDirectories).Order(), written.Notebooks.Order());
        Assert.False(Directory.Exists(Path.Combine(folder, "key")));
        Assert.False(Directory.Exists(Path.Combine(folder, "tr", "key")));
        Assert.Equal(2 * Marked.Length, written.Stubs);
        Assert.Contains(Path.Combine("images", "rnn-cell.svg"), written.Assets);
        foreach (string asset in written.Assets)
            Assert.Equal(File.ReadAllBytes(Path.Combine(Teachers, asset)), File.ReadAllBytes(Path.Combine(folder, asset)));

        foreach (string notebook in written.Notebooks)
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(
                         File.ReadAllText(notebook), @"\]\((?!https?:|#)([^)#\s]+)"))
            {
                // The edition sits beside notebooks/ in the repository: links out of it (../data) reach the repository.
                string target = Path.GetRelativePath(folder, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(notebook)!, link.Groups[1].Value)));
                Assert.True(File.Exists(Path.GetFullPath(Path.Combine(target.StartsWith("..") ? Teachers : folder, target))),
                    $"{Path.GetRelativePath(folder, notebook)} links to {link.Groups[1].Value}, which the student edition lacks");
            }

        foreach (string notebook in written.Notebooks)
        {
            string relative = Path.GetRelativePath(folder, notebook), name = Path.GetFileName(notebook);
            var teacher = Cells(Path.Combine(Teachers, relative));
            var student = Cells(notebook);
            Assert.Equal(teacher.Count, student.Count);
            var stubbed = new List<string>();
            for (int i = 0; i < teacher.Count; i++)
            {
                var (t, s) = (teacher[i], student[i]);
                string where = $"{relative} cell {i + 1}";
                Assert.True(JsonNode.DeepEquals(t["metadata"], s["metadata"]), $"{where}: metadata changed");
                if ((string?)t["cell_type"] != "code")
                {
                    Assert.True(JsonNode.DeepEquals(t, s), $"{where}: changed");
                    continue;
                }
                Assert.Empty(s["outputs"]!.AsArray());
                Assert.Null(s["execution_count"]);
                string before = StudentEdition.Source(t), after = StudentEdition.Source(s);
                if (before == after) continue;
                stubbed.Add(after);
                // The Turkish edition's stubs speak Turkish: the TODO and the piece the exception names.
                bool turkish = relative.StartsWith("tr" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                Assert.Contains(turkish ? "yazın" : "// TODO: write", after);
                if (turkish) Assert.DoesNotMatch(@"// TODO: write|NotWrittenYetException\(""the body|constructor""\)", after);
                Assert.Contains("throw new NotWrittenYetException(", after);
            }
            var expected = Marked.Where(m => m.Notebook == name).ToList();
            Assert.Equal(expected.Count, stubbed.Count);
            foreach (var (cell, mark) in stubbed.Zip(expected))
            {
                foreach (string kept in mark.Kept) Assert.Contains(kept, cell);
                Assert.DoesNotContain(mark.Gone, cell);
            }
        }
        Assert.True(File.Exists(Path.Combine(folder, StudentEdition.Marker)));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}*"));
    }

    [Fact]
    public void The_runner_keeps_the_tags_when_it_rewrites_a_notebook()
    {
        Directory.CreateDirectory(folder);
        string copy = Path.Combine(folder, "02-simple-rnn.ipynb");
        NotebookFile.Write(NotebookFile.Read(Path.Combine(Teachers, "02-simple-rnn.ipynb")), copy);

        var tags = Cells(copy).Select(c => c["metadata"]?["tags"]?.AsArray().Single()?.GetValue<string>()).OfType<string>();
        Assert.Equal(Marked.Where(m => m.Notebook == "02-simple-rnn.ipynb").Select(m => m.Tag), tags);
    }

    [Fact]
    public async Task Filled_back_from_the_teachers_notebook_it_runs()
    {
        StudentEdition.Write(Teachers, folder);
        string notebook = FillBack("02-simple-rnn.ipynb", _ => true);

        var result = await new NotebookRunner(new RunnerOptions { Quick = true, OutputPath = notebook }).RunAsync(notebook);

        Assert.True(result.Succeeded, $"cell {result.FailedCell?.Number}: {result.FailedCell?.Error?.Message}");
        string text = Text(notebook);
        Assert.Contains("✓ Your step matches nn.RNN", text);
        Assert.Matches(@"epoch 2: training loss \d\.\d{3}, test accuracy", text);
    }

    [Fact]
    public async Task With_the_step_written_the_check_passes_and_the_model_class_stub_stops_the_run_in_one_line()
    {
        StudentEdition.Write(Teachers, folder);
        string notebook = FillBack("02-simple-rnn.ipynb", stub => stub.Contains("NotWrittenYetException(\"RnnStep\")"));
        string output = Path.Combine(folder, "ran", "02-simple-rnn.ipynb");

        var result = await new NotebookRunner(new RunnerOptions { Quick = true, OutputPath = output }).RunAsync(notebook);

        // The StepCheck grades the student's step; the class stub compiles, and creating the model says what is missing.
        Assert.Contains("✓ Your step matches nn.RNN", Text(output));
        var failed = result.FailedCell!;
        Assert.Equal(("NotWrittenYetException", "RnnClassifier's constructor is not written yet: write it where its TODO " +
                "is, run that cell, then run this one again."), (failed.Error!.Name, failed.Error.Message));
        Assert.Contains("class RnnClassifier", StudentEdition.Source(Cells(notebook)[failed.Index]));
        var error = Assert.Single(NotebookFile.Read(output).Elements.SelectMany(e => e.Outputs).OfType<ErrorElement>());
        Assert.Equal(["NotWrittenYetException: " + failed.Error.Message], error.StackTrace);
    }

    [Fact]
    public async Task Without_the_step_the_cell_that_trains_it_stops_in_one_line()
    {
        StudentEdition.Write(Teachers, folder);
        // The student edition as handed out (RnnStep a stub), cut to the code the training cell needs: the kit, the stub,
        // the data and the training of the student's own step.
        string notebook = Path.Combine(folder, "02-simple-rnn.ipynb");
        var json = JsonNode.Parse(File.ReadAllText(notebook))!.AsObject();
        var kept = json["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == "code" &&
            StudentEdition.Source(c) is var code && (code.Contains("Kit.Load()") || code.Contains("NotWrittenYetException(\"RnnStep\")") ||
                code.Contains("LessonData.Prepare()") || code.Contains("StepClassifier.Rnn("))).ToList();
        Assert.Equal(4, kept.Count);
        json["cells"] = new JsonArray([.. kept.Select(c => c.DeepClone())]);
        File.WriteAllText(notebook, json.ToJsonString());
        string output = Path.Combine(folder, "ran", "02-simple-rnn.ipynb");

        var result = await new NotebookRunner(new RunnerOptions { Quick = true, OutputPath = output }).RunAsync(notebook);

        var failed = result.FailedCell!;
        Assert.Contains("StepClassifier.Rnn(data.Vocabulary.Count, step: RnnStep)", StudentEdition.Source(Cells(notebook)[failed.Index]));
        Assert.Equal(("NotWrittenYetException", "RnnStep is not written yet: write it where its TODO is, run that cell, then run " +
            "this one again."), (failed.Error!.Name, failed.Error.Message));
        var error = Assert.Single(NotebookFile.Read(output).Elements.SelectMany(e => e.Outputs).OfType<ErrorElement>());
        Assert.Equal(["NotWrittenYetException: " + failed.Error.Message], error.StackTrace);
    }

    /// <summary>Puts the teacher's code back into the student's stubs that <paramref name="which"/> picks.</summary>
    string FillBack(string name, Func<string, bool> which)
    {
        string notebook = Path.Combine(folder, name);
        var teacher = Cells(Path.Combine(Teachers, name));
        var json = JsonNode.Parse(File.ReadAllText(notebook))!.AsObject();
        var cells = json["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
            if (StudentEdition.Source(cells[i]!.AsObject()) is var code && code.Contains("NotWrittenYetException") && which(code))
                cells[i]!["source"] = teacher[i]["source"]!.DeepClone();
        File.WriteAllText(notebook, json.ToJsonString());
        return notebook;
    }

    static string Text(string notebook) => string.Concat(TestNotebooks.CodeCells(NotebookFile.Read(notebook))
        .SelectMany(c => c.Outputs).OfType<TextElement>().Select(o => o.Text));

    static List<JsonObject> Cells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
}
