namespace Lessons.Training;

/// <summary>
/// Where one epoch's training time went, in seconds: building batches (padding, tensor copies), the forward pass
/// (including the loss), the backward pass, the optimizer step (clipping included) and the bookkeeping between
/// steps (metrics, progress events). On the CPU every phase is synchronous, so the stopwatch sees the real cost.
/// </summary>
public sealed record PhaseTimings(double Batching, double Forward, double Backward, double Optimizer, double Other)
{
    public double Total => Batching + Forward + Backward + Optimizer + Other;

    public static readonly PhaseTimings Zero = new(0, 0, 0, 0, 0);

    public PhaseTimings Add(PhaseTimings o) =>
        new(Batching + o.Batching, Forward + o.Forward, Backward + o.Backward, Optimizer + o.Optimizer, Other + o.Other);
}
