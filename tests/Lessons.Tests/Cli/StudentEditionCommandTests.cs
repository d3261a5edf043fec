using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Editions;
using Lessons.Tests.Data;
using Lessons.Tests.Runner;
using Spectre.Console;

namespace Lessons.Tests.Cli;

/// <summary>`lessons student-edition`: refuses a folder it would clobber before any work, replaces an earlier edition
/// whole, and a failure leaves the folder as it was.</summary>
public sealed class StudentEditionCommandTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });
        int exit = CommandRunner.Run(StudentEditionCommand.Create(console), args, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Refuses_a_folder_holding_other_files_in_one_line_and_touches_nothing()
    {
        string mine = temp.Write(Path.Combine("mine", "thesis.md"), "keep me");

        var (exit, output, error) = Run("--out", Path.GetDirectoryName(mine)!);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal($"--out: cannot write the student edition into {Path.GetDirectoryName(mine)}: it holds files that " +
                     "are not a student edition; choose a new or empty folder.", error.Trim());
        Assert.Empty(output);
        Assert.Equal([Path.Combine("mine", "thesis.md")], temp.Files());
        Assert.Equal("keep me", File.ReadAllText(mine));
    }

    [Fact]
    public void Replaces_an_earlier_edition_whole()
    {
        string folder = Path.Combine(temp.Path, "edition");
        Assert.Equal(0, Run("--out", folder).Exit);
        File.WriteAllText(Path.Combine(folder, "stale.txt"), "from before");

        var (exit, output, error) = Run("--out", folder);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Matches(@"ok \d+ notebooks, \d+ cells left for students to write, \d+ linked files copied", output);
        Assert.False(File.Exists(Path.Combine(folder, "stale.txt")));
        Assert.Contains("02-simple-rnn.ipynb", Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(["edition"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_tagged_cell_it_cannot_stub_names_the_notebook_and_cell_and_leaves_the_folder_as_it_was()
    {
        string notebooks = Path.Combine(temp.Path, "notebooks");
        temp.Write(Path.Combine("notebooks", "01-broken.ipynb"), """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# A lesson"]},
              {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["student"]}, "outputs": [],
               "source": ["var x = 1;\n"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string earlier = temp.Write(Path.Combine("edition", StudentEdition.Marker), "an earlier edition");

        var error = Assert.Throws<InvalidDataException>(() => StudentEdition.Write(notebooks, Path.GetDirectoryName(earlier)!));

        Assert.Equal("01-broken.ipynb: cell 2 is tagged for students, but it declares no method, local function or " +
                     "constructor with a body to stub.", error.Message);
        Assert.Equal([Path.Combine("edition", StudentEdition.Marker), Path.Combine("notebooks", "01-broken.ipynb")], temp.Files());
        Assert.Equal(["edition", "notebooks"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Every_malformed_notebook_is_named_with_what_is_wrong_and_nothing_is_written()
    {
        temp.Write("Lessons.sln", "");
        string notebooks = Path.Combine(temp.Path, "notebooks");
        Directory.CreateDirectory(notebooks);
        LessonsProcess.Notebook(notebooks, "01-a.ipynb", "Console.WriteLine(1);");
        temp.Write(Path.Combine("notebooks", "02-b.ipynb"),
            """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": 1, "source": ""}]}""");
        temp.Write(Path.Combine("notebooks", "03-c.ipynb"), """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}""");

        var (exit, output, error) = LessonsProcess.Run(temp.Path, "student-edition", "--out", "edition");

        Assert.Equal(1, exit);
        Assert.Equal(
        [
            "02-b.ipynb: not an nbformat-4 notebook: cell 1's \"cell_type\" is a number, not a string.",
            "03-c.ipynb: not an nbformat-4 notebook: it has no \"cells\" list.",
        ], error.Trim().Split('\n'));
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "edition")));
    }
}
