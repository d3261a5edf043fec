namespace Lessons.Runner;

/// <summary>What happened to one code cell: its position, how long it ran, and its error if it failed.</summary>
/// <param name="Index">Zero-based index of the cell among all cells of the notebook (markdown included).</param>
/// <param name="Number">One-based number of the cell as an editor shows it (markdown included).</param>
/// <param name="ExecutionCount">The execution count written to the notebook (1, 2, ... over code cells).</param>
public sealed record CellResult(int Index, int Number, int ExecutionCount, TimeSpan Elapsed, CellError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Why a cell failed: the kernel's message (compile errors, exception text), or a timeout.</summary>
public sealed record CellError(string Name, string Message, bool TimedOut = false);

/// <summary>The outcome of running one notebook.</summary>
public sealed record NotebookRunResult(string NotebookPath, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed,
    string? OutputPath, string? HtmlPath)
{
    public bool Succeeded => Cells.All(c => c.Succeeded);

    /// <summary>The first (and only: the run stops there) failing cell, if any.</summary>
    public CellResult? FailedCell => Cells.FirstOrDefault(c => !c.Succeeded);
}

/// <summary>Progress of a run: a cell is about to start (Result null) or has finished.</summary>
public sealed record CellProgress(string NotebookPath, int Number, int CodeCellCount, int ExecutionCount, string FirstLine,
    CellResult? Result);
