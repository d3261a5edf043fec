using Lessons.Batching;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>
    /// How notebooks 2 and 3 train a model built on a student's own step (<see cref="Models.StepClassifier"/>) and its
    /// twin on the built-in layer: the open training loop's way (Adam 5e-3, batch 32, clipping at 1, constant rate, no
    /// validation part, so the last epoch counts), on one thread.
    /// </summary>
    internal static TrainerOptions SliceTraining(int epochs) => new()
    {
        Epochs = epochs,
        LearningRate = 5e-3,
        ClipNorm = 1.0,
        Threads = 1,
    };

    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs on a slice of the training split, its first
    /// <paramref name="rows"/> headlines taken at an even stride (every class stays in it), and tests it on the whole
    /// test split, showing progress live. The same in quick and full mode, so a quick run prints the full run's numbers.
    /// </summary>
    public static History TrainOnSlice(nn.Module<Tensor, Tensor, Tensor> model, LessonData data, string name, int rows, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var slice = LessonData.Spread(data.Train, rows);
        var training = SliceTraining(epochs);
        // A step unrolled by autograd is many tiny operations: on more than one thread each one waits for the others,
        // and on a busy machine that wait can cost far more than the arithmetic.
        TrainingThreads.Apply(training.Threads);
        var trainer = new Trainer(model, data.Classes, training, name);
        var live = LiveProgress.Show(name);
        trainer.EpochCompleted += live.EpochCompleted;
        return trainer.Fit(slice, data.Test, live);
    }
}
