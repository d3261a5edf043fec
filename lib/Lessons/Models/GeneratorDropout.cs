using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// Dropout whose masks come from a random generator the trainer lends it (<see cref="Training.TrainingRandomness"/>),
/// so that trainings running side by side draw from their own streams, not from TorchSharp's process-wide generator.
/// The arithmetic is <c>nn.Dropout</c>'s (a mask of 1/(1 − p) with probability 1 − p, else 0, times the input), but the
/// mask is drawn by <see cref="KeepMask"/>, several times faster than LibTorch's <c>bernoulli_</c>, so the masks are not
/// the ones <c>nn.Dropout</c> would draw. Without a generator (a model trained by a hand-written loop) the mask's seed
/// comes from the process-wide one, as <c>nn.Dropout</c>'s masks do.
/// </summary>
public sealed class GeneratorDropout : nn.Module<Tensor, Tensor>
{
    /// <summary>The share of values zeroed while training.</summary>
    public double P { get; }

    /// <summary>Where the masks come from; null: the process-wide generator.</summary>
    public Generator? Generator { get; set; }

    public GeneratorDropout(double p) : base(nameof(GeneratorDropout))
    {
        if (p is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout must be in [0, 1)");
        P = p;
    }

    public override Tensor forward(Tensor input) => Apply(input, P, training, Generator);

    /// <summary>
    /// <paramref name="input"/> with each value zeroed with probability <paramref name="p"/> and the rest scaled by
    /// 1/(1 − p) when <paramref name="training"/>; else the input itself.
    /// </summary>
    public static Tensor Apply(Tensor input, double p, bool training, Generator? generator)
    {
        if (p == 0 || !training || input.numel() == 0) return input.alias();
        using var mask = KeepMask.Draw(input.shape, 1 - p, generator, input.device);
        return input * mask;
    }
}
