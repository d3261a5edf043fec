using Microsoft.DotNet.Interactive.Events;

namespace Lessons.Runner;

/// <summary>
/// The kernel events seen while one cell runs, collected from the kernel's event stream (which may publish from other
/// threads). Should the stream itself fail, that failure is kept and becomes the cell's error, never dropped.
/// </summary>
sealed class CellEvents : IObserver<KernelEvent>
{
    readonly List<KernelEvent> seen = [];
    Exception? broken;

    public void OnNext(KernelEvent value)
    {
        lock (seen) seen.Add(value);
    }

    public void OnError(Exception error)
    {
        lock (seen) broken ??= error;
    }

    public void OnCompleted() { }

    /// <summary>Adds what was seen to <paramref name="outputs"/> (a timed-out cell's own failure left out: the timeout is
    /// its error), then the stream's failure, if any.</summary>
    public void AddTo(CellOutputs outputs, int executionCount, bool timedOut = false)
    {
        KernelEvent[] events;
        Exception? failure;
        lock (seen) (events, failure) = ([.. seen], broken);
        foreach (var e in events.Where(e => !(timedOut && e is CommandFailed))) outputs.Add(e, executionCount);
        if (failure is not null)
            outputs.Fail(failure.GetType().Name, $"the kernel's event stream failed: {failure.Message}", failure.StackTrace);
    }
}
