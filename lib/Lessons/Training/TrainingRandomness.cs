using Lessons.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Where a training's random draws come from. TorchSharp's <c>manual_seed</c> seeds one generator for the whole
/// process, so two trainings running at once would take each other's numbers. A <see cref="Trainer"/> therefore draws
/// from a generator of its own, seeded with <see cref="TrainerOptions.Seed"/>: the word dropout, and the masks of every
/// <see cref="GeneratorDropout"/> in the model (the kit's classifiers use no other dropout), which it lends the
/// generator for the length of a Fit. The starting weights are drawn when the model is built, before Fit: whoever
/// builds models seeds them (<c>manual_seed(seed)</c>, then the constructor), one model at a time.
/// </summary>
public static class TrainingRandomness
{
    /// <summary>
    /// Lends <paramref name="generator"/> to every <see cref="GeneratorDropout"/> of <paramref name="model"/>; disposing
    /// the result gives them back their own (none: the process-wide generator).
    /// </summary>
    public static IDisposable Lend(nn.Module model, Generator generator)
    {
        var dropouts = model.modules().OfType<GeneratorDropout>().ToArray();
        var before = dropouts.Select(d => d.Generator).ToArray();
        foreach (var dropout in dropouts) dropout.Generator = generator;
        return new Restore(() =>
        {
            for (int i = 0; i < dropouts.Length; i++) dropouts[i].Generator = before[i];
        });
    }

    /// <summary>
    /// True when every random draw of a training of <paramref name="model"/> comes from the trainer's own generator, so
    /// that it may run beside others: false when the model holds LibTorch's dropout (<c>nn.Dropout</c> and its kin), or
    /// a stacked recurrent layer run by LibTorch with dropout between its layers (LibTorch draws those masks inside the
    /// layer, from the process-wide generator). A model that calls <c>rand</c> in its own forward is not seen here.
    /// </summary>
    public static bool OwnedBy(nn.Module model) => !model.modules().Prepend(model).Any(m =>
        m is Dropout or Dropout1d or Dropout2d or Dropout3d or AlphaDropout or FeatureAlphaDropout
        || m is RecurrentClassifier { DrawsFromProcessGenerator: true });

    sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
