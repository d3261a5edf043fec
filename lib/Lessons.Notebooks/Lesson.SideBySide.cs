using Lessons.Batching;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

/// <summary>
/// One training a notebook call plans: a model already built (its starting weights drawn under its seed), what it
/// trains on and how. <paramref name="DisposeAfter"/>: free the model once trained (only its history is kept).
/// </summary>
sealed record PlannedTraining(nn.Module<Tensor, Tensor, Tensor> Model, string Name, string Label, IReadOnlyList<string> Classes,
    IReadOnlyList<EncodedExample> Train, IReadOnlyList<EncodedExample> Test, TrainerOptions Options, bool DisposeAfter = false);

public static partial class Lesson
{
    /// <summary>
    /// Plans one training under <paramref name="seed"/> (already shifted by <see cref="Kit.SeedBase"/>): the process's
    /// generator is seeded and the model built under it (its starting weights), and the training's own seed (batch
    /// order, dropout masks, validation part) is the same.
    /// </summary>
    static PlannedTraining Plan(int seed, Func<nn.Module<Tensor, Tensor, Tensor>> build, string name, string label,
        IReadOnlyList<string> classes, IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample> test,
        TrainerOptions options, bool disposeAfter = false)
    {
        manual_seed(seed);
        return new PlannedTraining(build(), name, label, classes, train, test, options with { Seed = seed }, disposeAfter);
    }

    /// <summary>
    /// Trains the planned trainings side by side, one per core (<see cref="TrainingPool"/>), with one live display for
    /// all of them; returns their histories in the order planned. Each gives the numbers it gives alone. One at a time
    /// instead when <paramref name="timed"/> (their speeds are compared: trainings beside them would slow them down
    /// unevenly), or when a model draws from the process-wide generator (<see cref="TrainingRandomness.OwnedBy"/>),
    /// which is then seeded before each training as the trainer once did. The display ends as one line saying how many
    /// trainings ran at once.
    /// </summary>
    static History[] TrainSideBySide(IReadOnlyList<PlannedTraining> planned, bool timed)
    {
        bool owned = planned.All(p => TrainingRandomness.OwnedBy(p.Model));
        int width = timed || !owned ? 1 : TrainingPool.Width(planned.Count);
        return SideBySideProgress.Run([.. planned.Select(p => (p.Label, p.Options.Epochs))], width, timed, (index, progress) =>
        {
            var p = planned[index];
            var trainer = new Trainer(p.Model, p.Classes, p.Options, p.Name);
            trainer.EpochCompleted += epoch => progress.EpochCompleted(index, epoch);
            if (!owned) manual_seed(p.Options.Seed);
            try { return trainer.Fit(p.Train, p.Test, progress.Of(index)); }
            finally
            {
                if (p.DisposeAfter) p.Model.Dispose();
            }
        });
    }
}
