using System.Diagnostics;
using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace Lessons.Runner;

/// <summary>
/// Runs a .ipynb notebook headless in this process: a fresh C# kernel per notebook, code cells in order, stopping at
/// the first failing cell. While it runs, the working directory is the notebook's folder (as in VS Code and Jupyter)
/// and env LESSONS_QUICK is set when <see cref="RunnerOptions.Quick"/>. Afterwards it can write the executed notebook
/// (outputs and execution counts; seconds per cell go to <see cref="CellResult"/>, not into the file, to keep diffs quiet)
/// and an HTML export.
/// Runs are serialised: the working directory and the environment belong to the whole process, and so does the default
/// culture of its threads, which a notebook sets to write numbers in its language (<c>Kit.Load(language: "tr")</c>); a run
/// leaves all three as it found them.
/// </summary>
public sealed class NotebookRunner(RunnerOptions options)
{
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public RunnerOptions Options { get; } = options;

    public async Task<NotebookRunResult> RunAsync(string notebookPath, IProgress<CellProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        string path = Path.GetFullPath(notebookPath);
        var document = NotebookFile.Read(path);

        await OneAtATime.WaitAsync(cancellationToken);
        string previousDirectory = Directory.GetCurrentDirectory();
        string? previousQuick = Environment.GetEnvironmentVariable(NotebookContract.QuickVariable);
        var (previousCulture, previousUICulture) = (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        var clock = Stopwatch.StartNew();
        List<CellResult> cells;
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
            if (Options.Quick) Environment.SetEnvironmentVariable(NotebookContract.QuickVariable, "1");
            cells = await RunCellsAsync(path, document, progress, cancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookContract.QuickVariable, previousQuick);
            (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (previousCulture, previousUICulture);
            Directory.SetCurrentDirectory(previousDirectory);
            OneAtATime.Release();
        }
        clock.Stop();

        // Pictures only for what is written: a run that writes nothing has no use for them.
        if (Options.Screenshot is { } screenshot && (Options.OutputPath is not null || Options.HtmlDirectory is not null))
            ChartImages.Add(document, screenshot);

        // The HTML export keeps the session's plotly.js (its charts draw); the saved notebook does not need it.
        string? outputPath = null, htmlPath = null;
        if (Options.HtmlDirectory is { } htmlDirectory)
            htmlPath = HtmlExport.Write(document, Path.GetFileNameWithoutExtension(path), htmlDirectory,
                sourceFolder: Path.GetDirectoryName(Path.GetFullPath(path)));
        // A failed run writes its outputs elsewhere (--out) but never over the notebook itself: that keeps its last good outputs.
        bool succeeded = cells.All(c => c.Succeeded);
        if (Options.OutputPath is { } output && (succeeded || !SamePath(Path.GetFullPath(output), path)))
        {
            outputPath = Path.GetFullPath(output);
            NotebookOutputs.PrepareForSaving(document, Path.GetFileNameWithoutExtension(path));
            NotebookFile.Write(document, outputPath);
        }
        return new NotebookRunResult(path, cells, clock.Elapsed, outputPath, htmlPath);
    }

    async Task<List<CellResult>> RunCellsAsync(string path, InteractiveDocument document, IProgress<CellProgress>? progress,
        CancellationToken cancellationToken)
    {
        var results = new List<CellResult>();
        var displays = new DisplayRegistry();
        var elements = document.Elements;
        var codeCells = elements.Where(NotebookFile.IsCode).ToList();
        foreach (var element in elements.Where(NotebookFile.IsCode)) { element.Outputs.Clear(); element.ExecutionOrder = 0; }

        using var kernel = InteractiveKernel.Create();
        int executionCount = 0;
        for (int index = 0; index < elements.Count; index++)
        {
            var cell = elements[index];
            if (!NotebookFile.IsCode(cell)) continue;
            executionCount++;
            progress?.Report(new CellProgress(path, index + 1, codeCells.Count, executionCount, FirstLine(cell.Contents), null));

            var outputs = new CellOutputs(displays);
            var clock = Stopwatch.StartNew();
            await RunCellAsync(kernel, cell, outputs, executionCount, cancellationToken);
            clock.Stop();

            cell.ExecutionOrder = executionCount;
            cell.Outputs.AddRange(outputs.Outputs);
            var result = new CellResult(index, index + 1, executionCount, clock.Elapsed, outputs.Error);
            results.Add(result);
            progress?.Report(new CellProgress(path, index + 1, codeCells.Count, executionCount, FirstLine(cell.Contents), result));
            if (!result.Succeeded) break;
        }
        return results;
    }

    async Task RunCellAsync(CompositeKernel kernel, InteractiveDocumentElement cell, CellOutputs outputs, int executionCount,
        CancellationToken cancellationToken)
    {
        var events = new CellEvents();
        var command = new SubmitCode(cell.Contents, KernelName(cell));
        using var subscription = kernel.KernelEvents.Subscribe(events);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.CellTimeout is { } limit) timeout.CancelAfter(limit);
        var running = kernel.SendAsync(command, timeout.Token);
        await Task.WhenAny(running, Task.Delay(Timeout.Infinite, timeout.Token));

        bool timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        cancellationToken.ThrowIfCancellationRequested();

        events.AddTo(outputs, executionCount, timedOut);
        if (timedOut)
        {
            outputs.Fail("Timeout", $"The cell did not finish within {Options.CellTimeout!.Value.TotalSeconds:0.#} s (--timeout).", timedOut: true);
            return;
        }

        // Should the subscription have missed the completion event, the command's own result still tells a failure.
        var result = await running;
        if (outputs.Error is null && result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            outputs.Add(failed, executionCount);
    }

    internal static bool SamePath(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    static string KernelName(InteractiveDocumentElement cell) =>
        cell.KernelName is null or "csharp" or "C#" or "c#" ? InteractiveKernel.CSharp : cell.KernelName;

    static string FirstLine(string code) =>
        code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
