namespace Lessons.Training;

/// <summary>
/// Everything a training run produced, kept for tables and charts. <see cref="ChosenEpoch"/> is the epoch whose
/// weights the model kept: the one with the best validation accuracy when the run held out a validation part, the
/// last one otherwise. Its test accuracy is the run's result; no choice is ever made on the test split.
/// </summary>
public sealed record History(string Name, long Parameters, IReadOnlyList<EpochMetrics> Epochs, int ChosenEpoch = 0)
{
    /// <summary>The chosen epoch (the last when <see cref="ChosenEpoch"/> is 0, as in histories saved before it existed).</summary>
    public EpochMetrics Chosen => ChosenEpoch == 0 ? Last
        : Epochs.FirstOrDefault(e => e.Epoch == ChosenEpoch) ??
          throw new InvalidOperationException($"Run \"{Name}\" has no epoch {ChosenEpoch}.");

    public EpochMetrics Last => Epochs.Count > 0 ? Epochs[^1] : throw new InvalidOperationException("No epochs yet.");
}
