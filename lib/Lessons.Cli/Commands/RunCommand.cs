using System.CommandLine;
using System.Globalization;
using Lessons.Charts;
using Lessons.Runner;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons run`: executes notebooks headless, cell by cell, with a progress line per cell; stops at the first
/// failing cell and names the notebook, the cell and the error (exit code 1).
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
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!File.Exists(token.Value) && !Directory.Exists(token.Value))
                    result.AddError($"No notebook or folder at {Path.GetFullPath(token.Value)}.");
        });
        outDir.WritableFolder();
        html.WritableFolder();
        timeout.Require(v => v is not { } s || double.IsFinite(s) && s >= 0, "a finite number of seconds, 0 or more");

        var command = new Command("run", "Run notebooks headless and write their outputs.") { paths, quick, inPlace, outDir, html, timeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            bool writeInPlace = parseResult.GetValue(inPlace);
            var outFolder = parseResult.GetValue(outDir);
            if (writeInPlace && outFolder is not null)
            {
                stderr.WriteLine("Choose one of --in-place and --out.");
                return 2;
            }
            var notebooks = NotebookSet.Resolve(parseResult.GetValue(paths) ?? [], Directory.GetCurrentDirectory());
            if (notebooks.Count == 0)
            {
                stderr.WriteLine("No notebooks to run: name .ipynb files or folders, or run from the repo root (notebooks/*.ipynb).");
                return 2;
            }
            // Found before the first cell runs: a folder the executed notebook cannot be written into.
            if (writeInPlace)
                foreach (string folder in notebooks.Select(n => Path.GetDirectoryName(n)!).Distinct())
                    if (FolderWriteCheck.Problem(folder) is { } problem)
                    {
                        stderr.WriteLine($"--in-place: cannot write into {folder} ({problem}); use --out with a writable folder, or fix its permissions.");
                        return 2;
                    }

            double seconds = parseResult.GetValue(timeout) ?? (parseResult.GetValue(quick) ? 600 : 0);
            var chromium = HeadlessChromium.Find();
            if (chromium is null && (writeInPlace || outFolder is not null))
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]note:[/] charts get no picture for script-less viewers. {HeadlessChromium.NotFoundMessage}");
            foreach (string notebook in notebooks)
            {
                var options = new RunnerOptions
                {
                    Quick = parseResult.GetValue(quick),
                    CellTimeout = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
                    OutputPath = writeInPlace ? notebook : outFolder is null ? null : Path.Combine(outFolder.FullName, Path.GetFileName(notebook)),
                    HtmlDirectory = parseResult.GetValue(html)?.FullName,
                    Screenshot = chromium is null ? null : chromium.ScreenshotPng,
                };
                AnsiConsole.MarkupLineInterpolated($"[bold]{Path.GetRelativePath(Directory.GetCurrentDirectory(), notebook)}[/]");
                var result = await new NotebookRunner(options).RunAsync(notebook, new Progress(), cancellationToken);
                if (result.FailedCell is { Error: { } error } failed)
                {
                    stderr.WriteLine($"{notebook}: cell {failed.Number} failed: {error.Name}: {error.Message}");
                    if (result.OutputPath is not null) stderr.WriteLine($"Outputs up to the failing cell: {result.OutputPath}");
                    else if (writeInPlace) stderr.WriteLine($"{notebook} is left as it was: a failed run does not overwrite it.");
                    return 1;
                }
                if (result.OutputPath is { } saved && new FileInfo(saved).Length is var bytes && bytes > NotebookSizeBudget)
                    AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {saved} is {bytes / 1e6:0.0} MB; keep notebooks under {NotebookSizeBudget / 1e6:0} MB (fewer or smaller charts and tables).");
                AnsiConsole.MarkupLineInterpolated($"[green]ok[/] {result.Cells.Count} cells in {result.Elapsed.TotalSeconds:0.0} s");
                foreach (string written in new[] { result.OutputPath, result.HtmlPath }.OfType<string>())
                    AnsiConsole.MarkupLineInterpolated($"   -> {written}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>One line per cell: its number, [count/total] and first line when it starts; ✓ or ✗ and seconds when it ends.</summary>
    sealed class Progress : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            if (value.Result is not { } result)
            {
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
