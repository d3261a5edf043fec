using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

public class NotebookRunnerTests
{
    [Fact]
    public async Task Captures_stdout_return_values_folded_displays_and_stderr_exactly()
    {
        var (result, executed, _) = await TestNotebooks.RunAsync("basics.ipynb", new RunnerOptions { Quick = true });

        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
        Assert.Equal([2, 3, 4, 6], result.Cells.Select(c => c.Number));
        var cells = TestNotebooks.CodeCells(executed);

        var stdout = Assert.IsType<TextElement>(Assert.Single(cells[0].Outputs));
        Assert.Equal(("stdout", "hello\nworld\n"), (stdout.Name, stdout.Text));

        var answer = Assert.IsType<ReturnValueElement>(Assert.Single(cells[1].Outputs));
        Assert.Equal("42", TestNotebooks.Text(answer.Data["text/plain"]));
        Assert.Equal(2, answer.ExecutionOrder);

        // A display updated in place three times is ONE output holding its final state. An update of an id never
        // shown (what Display().Update(..) sends, see DisplayRegistry) changes nothing, as in Jupyter.
        Assert.Equal(["epoch 3/3", "shown"],
            cells[2].Outputs.Select(o => TestNotebooks.Text(Assert.IsType<DisplayElement>(o).Data["text/plain"])));

        Assert.Collection(cells[3].Outputs,
            o => Assert.Equal(("stderr", "careful\n"), (((TextElement)o).Name, ((TextElement)o).Text)),
            // The working directory is the notebook's folder; --quick sets LESSONS_QUICK=1.
            o => Assert.Equal(("stdout", "True\n1\n"), (((TextElement)o).Name, ((TextElement)o).Text)));
    }

    [Fact]
    public async Task Sets_execution_counts_over_code_cells_and_keeps_markdown()
    {
        var (_, executed, _) = await TestNotebooks.RunAsync("basics.ipynb");

        Assert.Equal(["markdown", "csharp", "csharp", "csharp", "markdown", "csharp"], executed.Elements.Select(e => e.KernelName));
        Assert.Equal([1, 2, 3, 4], TestNotebooks.CodeCells(executed).Select(c => c.ExecutionOrder));
        Assert.Equal("Markdown between code cells is kept and not run.", executed.Elements[4].Contents);
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_with_its_error_and_cell_number()
    {
        var (result, executed, _) = await TestNotebooks.RunAsync("failing.ipynb");

        Assert.False(result.Succeeded);
        var failed = Assert.IsType<CellResult>(result.FailedCell);
        Assert.Equal(3, failed.Number);                       // markdown counts, as in an editor
        Assert.Equal(2, failed.ExecutionCount);
        Assert.Equal(new CellError("InvalidOperationException", "no luck with 42"), failed.Error);
        Assert.Equal(2, result.Cells.Count);                  // the last cell never ran

        var cells = TestNotebooks.CodeCells(executed);
        var error = Assert.IsType<ErrorElement>(Assert.Single(cells[1].Outputs));
        Assert.Equal(("InvalidOperationException", "no luck with 42"), (error.ErrorName, error.ErrorValue));
        Assert.Empty(cells[2].Outputs);
        Assert.Equal(0, cells[2].ExecutionOrder);
    }

    [Fact]
    public async Task A_failed_run_in_place_leaves_the_notebook_as_it_was()
    {
        string copy = Path.Combine(Directory.CreateTempSubdirectory("lessons-inplace-").FullName, "failing.ipynb");
        File.Copy(TestNotebooks.Path_("failing.ipynb"), copy);
        string before = File.ReadAllText(copy);
        try
        {
            var result = await new NotebookRunner(new RunnerOptions { OutputPath = copy }).RunAsync(copy);

            Assert.False(result.Succeeded);
            Assert.Null(result.OutputPath);
            Assert.Equal(before, File.ReadAllText(copy));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_compile_error_names_the_line_and_the_diagnostic()
    {
        var (result, _, _) = await TestNotebooks.RunAsync("compile-error.ipynb");

        var error = result.FailedCell?.Error;
        Assert.NotNull(error);
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains("(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", error.Message);
    }

    [Fact]
    public async Task A_cell_over_the_timeout_fails_the_run()
    {
        // Long enough for a fresh kernel's first cell (compiler warm-up), far shorter than the 60 s the second cell waits.
        var (result, executed, _) = await TestNotebooks.RunAsync("timeout.ipynb", new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(8) });

        var failed = Assert.IsType<CellResult>(result.FailedCell);
        Assert.Equal(2, failed.Number);
        Assert.True(failed.Error!.TimedOut);
        Assert.Equal("The cell did not finish within 8 s (--timeout).", failed.Error.Message);
        Assert.Equal(2, result.Cells.Count);
        Assert.IsType<ErrorElement>(Assert.Single(TestNotebooks.CodeCells(executed)[1].Outputs));
    }

    [Fact]
    public async Task Writes_an_ipynb_that_reads_back_and_names_the_csharp_kernel()
    {
        string output = Path.Combine(Path.GetTempPath(), $"lessons-runner-{Guid.NewGuid():N}.ipynb");
        try
        {
            await new NotebookRunner(new RunnerOptions { OutputPath = output })
                .RunAsync(TestNotebooks.Path_("basics.ipynb"));

            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output));
            var root = json.RootElement;
            Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
            var metadata = root.GetProperty("metadata");
            Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
            Assert.Equal(["kernelspec", "language_info", "polyglot_notebook"], metadata.EnumerateObject().Select(p => p.Name));
            var counts = root.GetProperty("cells").EnumerateArray()
                .Where(c => c.GetProperty("cell_type").GetString() == "code")
                .Select(c => c.GetProperty("execution_count").GetInt32());
            Assert.Equal([1, 2, 3, 4], counts);
            Assert.Equal(6, NotebookFile.Read(output).Elements.Count);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_notebook_gets_an_error_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"lessons-runner-{Guid.NewGuid():N}.ipynb");
        File.WriteAllText(path, "{ not json");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => NotebookFile.Read(path));
            Assert.StartsWith($"{path}: not a readable .ipynb notebook", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
