using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Tests.Data;
using Lessons.Tests.Runner;
using Spectre.Console;

namespace Lessons.Tests.Cli;

/// <summary>`lessons sync-edition`: an edition the kit does not have is refused in one line before any work; a malformed
/// notebook is named, and the others are still synced.</summary>
public sealed class SyncEditionCommandTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_malformed_notebook_is_named_with_what_is_wrong_and_the_others_are_still_synced()
    {
        temp.Write("Lessons.sln", "");
        string notebooks = Path.Combine(temp.Path, "notebooks"), turkish = Path.Combine(notebooks, "tr");
        Directory.CreateDirectory(turkish);
        foreach (string name in new[] { "01-a.ipynb", "03-c.ipynb" })
            LessonsProcess.Notebook(notebooks, name, "Console.WriteLine(\"new\" + 1);");
        temp.Write(Path.Combine("notebooks", "02-b.ipynb"), """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": {}}""");
        string noCells = temp.Write(Path.Combine("notebooks", "tr", "01-a.ipynb"), """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}""");
        LessonsProcess.Notebook(turkish, "02-b.ipynb", "Console.WriteLine(\"old\");");
        string synced = LessonsProcess.Notebook(turkish, "03-c.ipynb", "Console.WriteLine(\"old\");");

        var (exit, output, error) = LessonsProcess.Run(temp.Path, "sync-edition");

        Assert.Equal(1, exit);
        Assert.Empty(error);
        Assert.Equal(
        [
            "synced tr/03-c.ipynb",
            "translate tr/03-c.ipynb, cell 1: \"new\"",
            "✗ tr/01-a.ipynb: not an nbformat-4 notebook: it has no \"cells\" list.",
            "✗ 02-b.ipynb: not an nbformat-4 notebook: its \"cells\" is an object, not a list.",
            "1 synced, 1 cell(s) to translate, 2 notebook(s) need a translator.",
            "Re-run the synced notebooks to refresh their outputs.",
        ], output.Trim().Split('\n'));
        var cell = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(synced))!["cells"]![0]!.AsObject();
        Assert.Equal("Console.WriteLine(\"new\" + 1);", Lessons.Editions.StudentEdition.Source(cell));
        Assert.Equal("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}""", File.ReadAllText(noCells));
    }

    [Fact]
    public void A_language_without_an_edition_is_refused_in_one_line_naming_the_editions()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });

        int exit = CommandRunner.Run(SyncEditionCommand.Create(console), ["--language", "de"], error);

        Assert.Equal(CommandRunner.BadUsage, exit);
        string line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.Equal("--language: the kit has no \"de\" edition; its editions are tr.", line);
        Assert.Empty(output.ToString());
    }
}
