using static Lessons.Localization.KitLanguage;

namespace Lessons.Inspection;

/// <summary>
/// Two variants of a comparison, the better one on mean test accuracy first: how far apart their means are, and
/// whether that exceeds the seed-to-seed spread. A difference exceeds the spread when the two ranges, lowest to highest
/// seed, do not overlap (every seed of one beats every seed of the other); with a single seed there is no spread to
/// compare with, and so no verdict.
/// </summary>
public sealed record VariantDifference(VariantSummary Higher, VariantSummary Lower)
{
    /// <summary>The difference of the mean test accuracies, in percentage points (never negative).</summary>
    public double Points => 100 * (Higher.TestAccuracy.Mean - Lower.TestAccuracy.Mean);

    /// <summary>Whether both variants were trained over several seeds, so that a spread was measured.</summary>
    public bool SpreadMeasured => Higher.Seeds.Count > 1 && Lower.Seeds.Count > 1;

    /// <summary>True when the seed ranges do not overlap (and a spread was measured).</summary>
    public bool ExceedsSpread => SpreadMeasured && !Higher.TestAccuracy.Overlaps(Lower.TestAccuracy);

    /// <summary>Every pair of <paramref name="variants"/>, in the order given (first with second, first with third, ...).</summary>
    public static IReadOnlyList<VariantDifference> Between(IReadOnlyList<VariantSummary> variants) =>
        [.. variants.SelectMany((a, i) => variants.Skip(i + 1).Select(b =>
            a.TestAccuracy.Mean >= b.TestAccuracy.Mean ? new VariantDifference(a, b) : new VariantDifference(b, a)))];

    /// <summary>
    /// <paramref name="baseline"/> against every other variant, in the order given: how a change to the baseline
    /// (a second direction, a second layer) compares with the seed spread.
    /// </summary>
    public static IReadOnlyList<VariantDifference> Against(string baseline, IReadOnlyList<VariantSummary> variants)
    {
        var reference = variants.FirstOrDefault(v => v.Run == baseline) ?? throw new ArgumentException(
            $"No variant is named \"{baseline}\"; the variants are {string.Join(", ", variants.Select(v => v.Run))}.",
            nameof(baseline));
        return [.. variants.Where(v => v != reference).Select(v =>
            v.TestAccuracy.Mean > reference.TestAccuracy.Mean ? new VariantDifference(v, reference) : new VariantDifference(reference, v))];
    }

    /// <summary>Whether the variant named <paramref name="run"/> is one of the two.</summary>
    public bool Involves(string run) => Higher.Run == run || Lower.Run == run;

    /// <summary>"LSTM above RNN by 0.4 points (seed ranges 85.1–85.9% and 84.9–85.6% overlap): within the spread".</summary>
    public override string ToString()
    {
        if (!SpreadMeasured) return Words.Format("difference.one-seed", Higher.Run, Lower.Run, Points);
        return Words.Format(ExceedsSpread ? "difference.larger" : "difference.within", Higher.Run, Lower.Run, Points,
            VariantSummary.Percent(Higher.TestAccuracy.Min), VariantSummary.Percent(Higher.TestAccuracy.Max),
            VariantSummary.Percent(Lower.TestAccuracy.Min), VariantSummary.Percent(Lower.TestAccuracy.Max));
    }
}
