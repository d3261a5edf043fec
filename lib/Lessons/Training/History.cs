using static Lessons.Localization.KitLanguage;

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

    /// <summary>The chosen epoch's test confusion matrix: kept in every history, a checkpoint's included.</summary>
    public ConfusionMatrix ChosenConfusion => Chosen.Test.Confusion ??
        throw new InvalidOperationException($"Run \"{Name}\" kept no confusion matrix for its chosen epoch.");

    public EpochMetrics Last => Epochs.Count > 0 ? Epochs[^1] : throw new InvalidOperationException("No epochs yet.");

    /// <summary>
    /// Seconds of training per epoch: the median over the epochs, each epoch one timing of the same work, so that a
    /// burst of load from another program during one epoch does not move it.
    /// </summary>
    public double SecondsPerEpoch => Epochs.Count > 0 ? Median.Of(Epochs.Select(e => e.Seconds))
        : throw new InvalidOperationException("No epochs yet.");

    /// <summary>
    /// What is wrong with a history read from a file (in the kit's language), or null when every epoch is complete
    /// and the chosen epoch is among them: a hand-edited <c>"epochs":[{}]</c> is found here, not by a later crash.
    /// </summary>
    internal string? Damage()
    {
        for (int i = 0; i < Epochs.Count; i++)
            if (Epochs[i] is not { Epoch: >= 1, Test.ByLength: not null } epoch || epoch.Validation is { ByLength: null })
                return Words.Format("checkpoint.history-epoch", i + 1);
        return ChosenEpoch == 0 || Epochs.Any(e => e.Epoch == ChosenEpoch) ? null : Words.Format("checkpoint.history-chosen", ChosenEpoch);
    }

    /// <summary>The chosen epoch's test hits (which test examples it got right), or null in a history saved before they were kept.</summary>
    public ExampleHits? ChosenTestHits => Chosen.Test.Hits;

    /// <summary>This history with the confusion matrices and hits of the chosen epoch only (what a checkpoint keeps).</summary>
    internal History WithChosenConfusionOnly()
    {
        if (Damage() is not null || Epochs.Count == 0) return this;
        int chosen = Chosen.Epoch;
        return this with
        {
            Epochs = [.. Epochs.Select(e => e.Epoch == chosen ? e : e with
            {
                Test = e.Test with { Confusion = null, Hits = null },
                Validation = e.Validation is { } v ? v with { Confusion = null, Hits = null } : null,
            })],
        };
    }
}
