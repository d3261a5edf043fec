using System.Runtime.ExceptionServices;
using Lessons.Runtime;

namespace Lessons.Training;

/// <summary>
/// Runs trainings that do not depend on each other side by side: <see cref="Width"/> threads (one per core the
/// machine has, never more than there are trainings), each taking the next training in order, each computing on one
/// TorchSharp thread (<see cref="TrainingThreads"/>). A training must own its randomness (a <see cref="Trainer"/> does,
/// see <see cref="TrainingRandomness"/>) and build nothing from the process-wide generator; then every training gives
/// the numbers it gives alone, whatever ran beside it. Each thread has its own DisposeScope stack (TorchSharp keeps it
/// per thread) and LibTorch's autograd runs independent graphs on several threads at once.
/// </summary>
public static class TrainingPool
{
    /// <summary>How many of <paramref name="trainings"/> trainings run at once: one per core, at most one per training.</summary>
    public static int Width(int trainings) => Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, trainings));

    /// <summary>
    /// Runs each of <paramref name="trainings"/> on one of <paramref name="width"/> threads and returns their results
    /// in the order given. The calling thread waits, calling <paramref name="whileWaiting"/> about every
    /// <paramref name="interval"/> and once at the end (to show progress from the thread that owns the display). The
    /// first training to fail stops the others from starting, and its exception is rethrown here.
    /// </summary>
    public static T[] Run<T>(IReadOnlyList<Func<T>> trainings, int width, Action? whileWaiting = null, TimeSpan? interval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        TorchRuntime.EnsureReady();
        TrainingThreads.Apply(1);
        var results = new T[trainings.Count];
        int next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            TrainingThreads.Apply(1);
            while (Volatile.Read(ref failure) is null && Interlocked.Increment(ref next) is int index && index < trainings.Count)
            {
                try { results[index] = trainings[index](); }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
            }
        }
        var threads = Enumerable.Range(0, Math.Min(width, Math.Max(1, trainings.Count)))
            .Select(i => new Thread(Work, maxStackSize: 16 << 20) { IsBackground = true, Name = $"training {i + 1}" })
            .ToArray();
        foreach (var thread in threads) thread.Start();
        var wait = interval ?? TimeSpan.FromMilliseconds(250);
        foreach (var thread in threads)
            while (!thread.Join(wait)) whileWaiting?.Invoke();
        whileWaiting?.Invoke();
        failure?.Throw();
        return results;
    }
}
