using Lessons.Training;
using Microsoft.Data.Analysis;

namespace Lessons.Inspection;

/// <summary>
/// One run in a comparison of variants: the test accuracy of the epoch it kept (chosen on validation, see
/// <see cref="History.ChosenEpoch"/>), that epoch's validation accuracy (null for a run without a validation part),
/// the last epoch's test accuracy, speed and size.
/// </summary>
public sealed record VariantSummary(string Run, double TestAccuracy, int ChosenEpoch, double? ValidationAccuracy,
    double FinalTestAccuracy, double SecondsPerEpoch, long Parameters)
{
    /// <summary>The summary of one run (it must have at least one epoch).</summary>
    public static VariantSummary Of(History run)
    {
        if (run.Epochs.Count == 0) throw new ArgumentException($"Run \"{run.Name}\" has no epochs.", nameof(run));
        var chosen = run.Chosen;
        return new VariantSummary(run.Name, chosen.Test.Accuracy, chosen.Epoch, chosen.Validation?.Accuracy,
            run.Last.Test.Accuracy, run.Epochs.Average(e => e.Seconds), run.Parameters);
    }

    /// <summary>Summaries of several runs, in the order given.</summary>
    public static IReadOnlyList<VariantSummary> Of(IEnumerable<History> runs) => runs.Select(Of).ToList();

    /// <summary>The comparison as a DataFrame (one row per run) for a notebook table; accuracies in percent, rounded for reading.</summary>
    public static DataFrame ToDataFrame(IEnumerable<History> runs)
    {
        var rows = Of(runs);
        return new DataFrame(
            new StringDataFrameColumn("Run", rows.Select(r => r.Run)),
            new DoubleDataFrameColumn("Test accuracy (%)", rows.Select(r => Percent(r.TestAccuracy))),
            new Int32DataFrameColumn("Chosen epoch", rows.Select(r => r.ChosenEpoch)),
            new DoubleDataFrameColumn("Validation accuracy (%)", rows.Select(r => r.ValidationAccuracy is double v ? Percent(v) : (double?)null)),
            new DoubleDataFrameColumn("Final test accuracy (%)", rows.Select(r => Percent(r.FinalTestAccuracy))),
            new DoubleDataFrameColumn("Seconds per epoch", rows.Select(r => Math.Round(r.SecondsPerEpoch, 2))),
            new Int64DataFrameColumn("Parameters", rows.Select(r => r.Parameters)));
    }

    /// <summary>A share (0..1) as a percentage with one decimal, the way the tables show it.</summary>
    public static double Percent(double share) => Math.Round(100 * share, 1);
}
