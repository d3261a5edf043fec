using System.CommandLine;
using System.Globalization;
using Lessons.Charts;
using Lessons.Runner;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons run`: executes notebooks headless, each in a process of its own (<see cref="NotebookProcess"/>), cell by
/// cell, with a progress line per cell; stops at the first failing cell and names the notebook, the cell and the error
/// (exit code 1), and the notebooks not run. A notebook that ends its process (Environment.Exit, FailFast, a crash)
/// stops the run the same way: "notebook X, cell N stopped the run: WHY", exit code 1. Read-only notebooks (with
/// --in-place) and files that are not nbformat-4 notebooks are refused by name before anything runs.
/// </summary>
public static class RunCommand
{
    /// <summary>A notebook with its outputs should stay well under this (GitHub renders it; reviewers diff it).</summary>
    const long NotebookSizeBudget = 2_000_000;

    public static Command Create()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) or folders of notebooks; default: every notebooks/*.ipynb, in name order.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var quick = new Option<bool>("--quick") { Description = "Set LESSONS_QUICK=1 so notebooks shrink their work (CI, a first look)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Write the executed notebook over the original." };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Write executed notebooks into this folder instead." };
        var html = new Option<DirectoryInfo?>("--html") { Description = "Also export each notebook as HTML here (charts draw offline)." };
        var timeout = new Option<double?>("--timeout")
        {
            Description = "Seconds a cell may run before the run fails; 0: no limit. Default: 600 with --quick, else no limit (full trainings take long).",
        };

        // The kernel swaps Console.Error for a per-cell writer (a null writer outside its cells) while a cell runs,
        // and a timed-out cell keeps running: errors go to the writer this process started with.
        var stderr = Console.Error;
        var childLog = new Option<string?>(NotebookProcess.LogOption) { Hidden = true };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!File.Exists(token.Value) && !Directory.Exists(token.Value))
                    result.AddError($"No notebook or folder at {Path.GetFullPath(token.Value)}.");
        });
        outDir.WritableFolder();
        html.WritableFolder();
        timeout.Require(v => v is not { } s || double.IsFinite(s) && s >= 0, "a finite number of seconds, 0 or more");

        var command = new Command("run", "Run notebooks headless and write their outputs.") { paths, quick, inPlace, outDir, html, timeout, childLog };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            bool writeInPlace = parseResult.GetValue(inPlace);
            var outFolder = parseResult.GetValue(outDir);
            if (writeInPlace && outFolder is not null)
            {
                stderr.WriteLine("Choose one of --in-place and --out.");
                return 2;
            }
            IReadOnlyList<string> notebooks;
            try { notebooks = NotebookSet.Resolve(parseResult.GetValue(paths) ?? [], Directory.GetCurrentDirectory()); }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException)
            {
                throw new UsageException(e.Message);   // a path named on the command line that is no notebook
            }
            if (notebooks.Count == 0)
            {
                stderr.WriteLine("No notebooks to run: name .ipynb files or folders, or run from the repo root (notebooks/*.ipynb).");
                return 2;
            }
            double seconds = parseResult.GetValue(timeout) ?? (parseResult.GetValue(quick) ? 600 : 0);
            var options = new RunnerOptions
            {
                Quick = parseResult.GetValue(quick),
                CellTimeout = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
                HtmlDirectory = parseResult.GetValue(html)?.FullName,
            };
            if (parseResult.GetValue(childLog) is { } log)
            {
                string notebook = notebooks.Single();
                string? output = writeInPlace ? notebook : outFolder is null ? null : Path.Combine(outFolder.FullName, Path.GetFileName(notebook));
                return await RunChildAsync(notebook, options with { OutputPath = output }, log, stderr, cancellationToken);
            }

            // Found before the first cell runs: a notebook or folder the executed notebook cannot be written over or into,
            // and a file that is not a notebook (each named; none of them is written).
            if (writeInPlace)
            {
                foreach (string folder in notebooks.Select(n => Path.GetDirectoryName(n)!).Distinct())
                    if (FolderWriteCheck.Problem(folder) is { } problem)
                    {
                        stderr.WriteLine($"--in-place: cannot write into {folder} ({problem}); use --out with a writable folder, or fix its permissions.");
                        return 2;
                    }
                var readOnly = notebooks.Where(IsReadOnly).ToList();
                foreach (string notebook in readOnly)
                    stderr.WriteLine($"--in-place: {notebook} is read-only, and stays as it is; make it writable (chmod u+w) or use --out.");
                if (readOnly.Count > 0) return 2;
            }
            var unreadable = new List<string>();
            foreach (string notebook in notebooks)
            {
                try
                {
                    NotebookJson.Read(notebook);
                }
                catch (InvalidDataException e)
                {
                    unreadable.Add(e.Message);
                }
            }
            foreach (string problem in unreadable) stderr.WriteLine(problem);
            if (unreadable.Count > 0) return 1;

            var chromium = HeadlessChromium.Find();
            if (chromium is null && (writeInPlace || outFolder is not null))
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]note:[/] charts get no picture for script-less viewers. {HeadlessChromium.NotFoundMessage}");
            List<string> childOptions =
            [
                .. parseResult.GetValue(quick) ? ["--quick"] : Array.Empty<string>(),
                .. writeInPlace ? ["--in-place"] : outFolder is null ? [] : new[] { "--out", outFolder.FullName },
                .. options.HtmlDirectory is { } htmlFolder ? ["--html", htmlFolder] : Array.Empty<string>(),
                "--timeout", seconds.ToString(CultureInfo.InvariantCulture),
            ];
            for (int i = 0; i < notebooks.Count; i++)
            {
                string notebook = notebooks[i];
                AnsiConsole.MarkupLineInterpolated($"[bold]{Path.GetRelativePath(Directory.GetCurrentDirectory(), notebook)}[/]");
                var outcome = await NotebookProcess.RunAsync(notebook, childOptions, cancellationToken);
                if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
                if (outcome.StoppedBy is { } stopped)
                {
                    AnsiConsole.WriteLine();   // ends the progress line of the cell that never finished
                    stderr.WriteLine($"notebook {notebook}, {stopped}.");
                }
                else
                    stderr.Write(outcome.Errors);
                if (outcome.StoppedBy is null && outcome.ExitCode == 0) continue;
                if (i + 1 < notebooks.Count)
                    stderr.WriteLine($"Not run: {string.Join(", ", notebooks.Skip(i + 1).Select(n => Path.GetRelativePath(Directory.GetCurrentDirectory(), n)))}.");
                return outcome.StoppedBy is null ? outcome.ExitCode : CommandRunner.Failed;
            }
            return 0;
        });
        return command;
    }

    /// <summary>True when <paramref name="path"/> is marked read-only: no owner write bit (Unix), the attribute (Windows).</summary>
    static bool IsReadOnly(string path) =>
        OperatingSystem.IsWindows()
            ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserWrite);

    /// <summary>
    /// The child's side (<see cref="NotebookProcess"/>): runs one notebook in this process, logs each cell and the end to
    /// <paramref name="log"/>, and exits with the run's code, whatever threads the notebook left running.
    /// </summary>
    static async Task<int> RunChildAsync(string notebook, RunnerOptions options, string log, TextWriter stderr, CancellationToken cancel)
    {
        int exitCode;
        try
        {
            var chromium = HeadlessChromium.Find();
            exitCode = await RunNotebookAsync(notebook, options with { Screenshot = chromium is null ? null : chromium.ScreenshotPng },
                new Progress(number => NotebookProcess.LogCell(log, number)), stderr, NotebookProcess.ParentGone(cancel));
        }
        catch (Exception e)
        {
            (string message, exitCode) = CommandRunner.Describe(e);
            stderr.WriteLine(message);
        }
        NotebookProcess.LogExit(log, exitCode);
        stderr.Flush();
        Console.Out.Flush();
        Environment.Exit(exitCode);
        return exitCode;
    }

    /// <summary>Runs one notebook with a progress line per cell; 0 when every cell ran, 1 (naming the cell) when one failed.</summary>
    static async Task<int> RunNotebookAsync(string notebook, RunnerOptions options, Progress progress, TextWriter stderr,
        CancellationToken cancel)
    {
        var result = await new NotebookRunner(options).RunAsync(notebook, progress, cancel);
        if (result.FailedCell is { Error: { } error } failed)
        {
            stderr.WriteLine($"{notebook}: cell {failed.Number} failed: {error.Name}: {error.Message}");
            if (result.OutputPath is not null) stderr.WriteLine($"Outputs up to the failing cell: {result.OutputPath}");
            else if (options.OutputPath == notebook)
                stderr.WriteLine($"{notebook} is left as it was: a failed run does not overwrite it.");
            return CommandRunner.Failed;
        }
        if (result.OutputPath is { } saved && new FileInfo(saved).Length is var bytes && bytes > NotebookSizeBudget)
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {saved} is {bytes / 1e6:0.0} MB; keep notebooks under {NotebookSizeBudget / 1e6:0} MB (fewer or smaller charts and tables).");
        AnsiConsole.MarkupLineInterpolated($"[green]ok[/] {result.Cells.Count} cells in {result.Elapsed.TotalSeconds:0.0} s");
        foreach (string written in new[] { result.OutputPath, result.HtmlPath }.OfType<string>())
            AnsiConsole.MarkupLineInterpolated($"   -> {written}");
        return 0;
    }

    /// <summary>One line per cell: its number, [count/total] and first line when it starts; ✓ or ✗ and seconds when it ends.</summary>
    sealed class Progress(Action<int> starting) : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            if (value.Result is not { } result)
            {
                starting(value.Number);
                string line = value.FirstLine.Length > 60 ? value.FirstLine[..57] + "..." : value.FirstLine;
                AnsiConsole.Markup($"  cell {value.Number,3} [[{value.ExecutionCount}/{value.CodeCellCount}]] {Markup.Escape(line),-60} ");
                return;
            }
            // In the invariant culture: a notebook in another language sets the culture of the threads it reports from.
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{(result.Succeeded ? "[green]✓[/]" : "[red]✗[/]")} {result.Elapsed.TotalSeconds,6:0.0} s"));
        }
    }
}
