using Lessons.Tests.Data;

namespace Lessons.Tests.Runner;

/// <summary>
/// `lessons run` as a real process: a notebook that ends its own process stops the run in one line naming the
/// notebook and the cell (never exit 0, never a stack trace), and a file it must not write over is refused by name.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunProcessTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Environment.Exit(0);",
        "the notebook ended the process with exit code 0 (Environment.Exit) before its last cell finished")]
    [InlineData("Environment.Exit(3);",
        "the notebook ended the process with exit code 3 (Environment.Exit) before its last cell finished")]
    [InlineData("new System.Threading.Thread(() => throw new InvalidOperationException(\"boom\")).Start(); System.Threading.Thread.Sleep(30_000);",
        "an unhandled exception on another thread ended the process (System.InvalidOperationException: boom), exit code 134")]
    [InlineData("Environment.FailFast(\"gone\");",
        "Environment.FailFast ended the process (gone), exit code 134")]
    public void A_notebook_that_ends_its_process_stops_the_run_in_one_line_naming_it_its_cell_and_what_did_not_run(string cell, string cause)
    {
        string stopping = LessonsProcess.Notebook(temp.Path, "1-stops.ipynb", "Console.WriteLine(1);", cell, "Console.WriteLine(2);");
        string next = LessonsProcess.Notebook(temp.Path, "2-next.ipynb", "Console.WriteLine(3);");
        byte[] before = File.ReadAllBytes(stopping);

        var (exit, output, error) = LessonsProcess.Run(temp.Path, "run", "--in-place", stopping, next);

        Assert.Equal(1, exit);
        Assert.Equal([$"notebook {stopping}, cell 2 stopped the run: {cause}.", "Not run: 2-next.ipynb."],
            error.Trim().Split('\n'));
        Assert.DoesNotContain("2-next.ipynb", output);
        Assert.Equal(before, File.ReadAllBytes(stopping));
        Assert.Equal(["1-stops.ipynb", "2-next.ipynb"], temp.Files());
    }

    [Fact]
    public void A_cell_over_the_timeout_fails_the_run_and_the_process_ends_without_waiting_for_it()
    {
        string notebook = LessonsProcess.Notebook(temp.Path, "slow.ipynb", "Console.WriteLine(1);",
            "await Task.Delay(TimeSpan.FromSeconds(120));");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exit, _, error) = LessonsProcess.Run(temp.Path, "run", "--timeout", "20", notebook);

        Assert.Equal(1, exit);
        Assert.Equal($"{notebook}: cell 2 failed: Timeout: The cell did not finish within 20 s (--timeout).", error.Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(100), $"the run waited for the timed-out cell ({clock.Elapsed})");
    }

    [Fact]
    public async Task Ctrl_c_with_in_place_cancels_and_leaves_the_notebook_as_it_was()
    {
        string notebook = LessonsProcess.Notebook(temp.Path, "long.ipynb", "Console.WriteLine(1);",
            "await Task.Delay(TimeSpan.FromSeconds(120));");
        byte[] before = File.ReadAllBytes(notebook);
        using var process = LessonsProcess.Start(temp.Path, interruptible: true, "run", "--in-place", notebook);
        var error = process.StandardError.ReadToEndAsync();
        for (string? line = process.StandardOutput.ReadLine(); line is not null && !line.Contains("✓"); line = process.StandardOutput.ReadLine()) { }

        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "lessons run did not stop on SIGINT");

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("Cancelled.", (await error).Trim());
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal(["long.ipynb"], temp.Files());
    }

    public static TheoryData<string, string> NotNotebooks => new()
    {
        { """{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": []}]}""",
            "its nbformat is 3 (open it in Jupyter and save it to convert it)" },
        { """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}""", "it has no \"cells\" list" },
        { """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": {}}""", "its \"cells\" is an object, not a list" },
        { """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": 7, "source": ""}]}""",
            "cell 1's \"cell_type\" is a number, not a string" },
        { """[1, 2]""", "the file holds no JSON object" },
    };

    [Theory]
    [MemberData(nameof(NotNotebooks))]
    public void A_file_that_is_not_an_nbformat_4_notebook_is_refused_by_name_and_never_written(string json, string why)
    {
        string bad = temp.Write("bad.ipynb", json);
        string good = LessonsProcess.Notebook(temp.Path, "good.ipynb", "Console.WriteLine(1);");
        byte[] before = File.ReadAllBytes(good);

        var (exit, output, error) = LessonsProcess.Run(temp.Path, "run", "--in-place", good, bad);

        Assert.Equal(1, exit);
        Assert.Equal($"{bad}: not an nbformat-4 notebook: {why}.", error.Trim());
        Assert.DoesNotContain("cell", output);
        Assert.Equal(json, File.ReadAllText(bad));
        Assert.Equal(before, File.ReadAllBytes(good));
    }

    [Fact]
    public void A_read_only_notebook_is_refused_with_in_place_and_keeps_its_content_and_mode()
    {
        string notebook = LessonsProcess.Notebook(temp.Path, "locked.ipynb", "Console.WriteLine(1);");
        byte[] before = File.ReadAllBytes(notebook);
        var readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(notebook, readOnly);

        var (exit, output, error) = LessonsProcess.Run(temp.Path, "run", "--in-place", notebook);

        Assert.Equal(2, exit);
        Assert.Equal($"--in-place: {notebook} is read-only, and stays as it is; make it writable (chmod u+w) or use --out.", error.Trim());
        Assert.DoesNotContain("cell", output);
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal(readOnly, File.GetUnixFileMode(notebook));
    }

    [Fact]
    public void A_path_on_the_command_line_that_is_no_notebook_is_a_usage_error_in_one_line()
    {
        File.WriteAllText(Path.Combine(temp.Path, "notes.txt"), "not a notebook");

        var (exit, output, error) = LessonsProcess.Run(temp.Path, "run", "notes.txt");
        Assert.Equal(2, exit);
        Assert.Equal("notes.txt: not a notebook (.ipynb).", error.Trim());
        Assert.Equal("", output);

        (exit, _, error) = LessonsProcess.Run(temp.Path, "run", "nope.ipynb");   // refused at parse time
        Assert.Equal(2, exit);
        Assert.Equal($"No notebook or folder at {Path.Combine(temp.Path, "nope.ipynb")}.", error.Trim());
    }
}
