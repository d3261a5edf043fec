using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// TorchSharp's intra-op thread count (<see cref="TrainerOptions.Threads"/>) is one setting for the whole process
/// (LibTorch keeps it globally and hands it to each thread's OpenMP and MKL when that thread first computes), so no
/// <see cref="Trainer"/> sets it. The rule: whoever starts trainings applies it once before they start (`lessons
/// train` and `lessons bench` with their --threads; a <see cref="TrainingPool"/> sets one thread, on each of its
/// threads).
/// </summary>
public static class TrainingThreads
{
    /// <summary>Sets TorchSharp's intra-op threads to <paramref name="threads"/>; 0 leaves them as they are.</summary>
    public static void Apply(int threads)
    {
        if (threads > 0) set_num_threads(threads);
    }
}
