using System.Globalization;

namespace Lessons.Inspection;

/// <summary>
/// A variant's test accuracy against a baseline's, over the seeds both were trained with: the difference of the means,
/// and whether it is larger than the seed-to-seed spread. Larger means the seed ranges do not overlap: every seed of
/// one variant beat every seed of the other, so a different seed would not have reversed the order. With one seed per
/// variant there is no spread to compare with, and no verdict.
/// </summary>
public sealed record SeedDifference(string Variant, SeedSpread Accuracy, string Baseline, SeedSpread BaselineAccuracy, int Seeds)
{
    /// <summary>Mean test accuracy of the variant minus the baseline's (a share: 0.01 is one percentage point).</summary>
    public double Difference => Accuracy.Mean - BaselineAccuracy.Mean;

    /// <summary>Whether the seed ranges are apart; null with fewer than two seeds, where a single run cannot tell.</summary>
    public bool? LargerThanSpread => Seeds < 2 ? null : !Accuracy.Overlaps(BaselineAccuracy);

    /// <summary>Every variant but <paramref name="baseline"/>, in order, against it.</summary>
    public static IReadOnlyList<SeedDifference> Against(string baseline, IReadOnlyList<VariantSummary> variants)
    {
        var reference = variants.FirstOrDefault(v => v.Run == baseline) ?? throw new ArgumentException(
            $"No variant is named \"{baseline}\"; the variants are {string.Join(", ", variants.Select(v => v.Run))}.",
            nameof(baseline));
        return variants.Where(v => v.Run != baseline)
            .Select(v => new SeedDifference(v.Run, v.TestAccuracy, baseline, reference.TestAccuracy,
                Math.Min(v.Seeds.Count, reference.Seeds.Count)))
            .ToList();
    }

    /// <summary>
    /// One line for a notebook: "BiLSTM vs LSTM: +0.4 points on average over 3 seeds; within the seed spread: the seed
    /// ranges overlap (BiLSTM 85.1–86.0%, LSTM 84.9–85.8%)", in the tables' rounding.
    /// </summary>
    public override string ToString()
    {
        string points = (VariantSummary.Percent(Accuracy.Mean) - VariantSummary.Percent(BaselineAccuracy.Mean))
            .ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
        string head = $"{Variant} vs {Baseline}: {points} points";
        if (LargerThanSpread is not { } larger)
            return $"{head}, one seed each: one run per variant cannot tell a difference from seed-to-seed chance.";
        head += $" on average over {Seeds} seeds";
        if (!larger)
            return $"{head}; within the seed spread: the seed ranges overlap " +
                   $"({Variant} {Range(Accuracy)}, {Baseline} {Range(BaselineAccuracy)}).";
        var (winner, winnerRange, loser, loserRange) = Difference > 0
            ? (Variant, Accuracy, Baseline, BaselineAccuracy)
            : (Baseline, BaselineAccuracy, Variant, Accuracy);
        return $"{head}; larger than the seed spread: every {winner} seed ({Range(winnerRange)}) beat every {loser} seed " +
               $"({Range(loserRange)}).";
    }

    static string Range(SeedSpread spread) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{VariantSummary.Percent(spread.Min):0.0}–{VariantSummary.Percent(spread.Max):0.0}%");
}
