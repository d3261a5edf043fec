using Lessons.Runner;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// A notebook run with a deadline for the whole notebook: a notebook that hangs fails its test with its name instead of
/// holding up the suite. The runner's own <see cref="RunnerOptions.CellTimeout"/> bounds one cell; this bounds them all.
/// </summary>
static class NotebookDeadline
{
    /// <summary>
    /// A quick run of any lesson notebook ends well within this, even on a busy 2-core machine: the limit is there to
    /// turn a hang into a named failure, not to time the notebooks.
    /// </summary>
    public static readonly TimeSpan Quick = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="path"/>; past <paramref name="limit"/> the run is stopped and a
    /// <see cref="TimeoutException"/> names <paramref name="name"/>.</summary>
    public static async Task<NotebookRunResult> RunAsync(RunnerOptions options, string path, string name, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            return await new NotebookRunner(options).RunAsync(path, cancellationToken: deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"{name} did not finish within {Describe(limit)}: it hangs, or a cell waits for something that never comes.");
        }
    }

    static string Describe(TimeSpan limit) => limit.TotalMinutes >= 1 ? $"{limit.TotalMinutes:0.#} min" : $"{limit.TotalSeconds:0.#} s";
}
