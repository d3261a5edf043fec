namespace Lessons.Training;

/// <summary>Everything a training run produced, kept for tables and charts.</summary>
public sealed record History(string Name, long Parameters, IReadOnlyList<EpochMetrics> Epochs)
{
    public EpochMetrics Best => Epochs.MaxBy(e => e.Test.Accuracy) ?? throw new InvalidOperationException("No epochs yet.");
    public EpochMetrics Last => Epochs.Count > 0 ? Epochs[^1] : throw new InvalidOperationException("No epochs yet.");
}
