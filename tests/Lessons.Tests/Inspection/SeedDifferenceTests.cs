using Lessons.Inspection;
using Lessons.Tests.Charts;
using Lessons.Training;

namespace Lessons.Tests.Inspection;

public class SeedDifferenceTests
{
    /// <summary>A run of one epoch whose test accuracy is <paramref name="accuracy"/>.</summary>
    static History Run(string name, double accuracy)
    {
        var test = new Evaluation(0.5, accuracy, ChartSamples.Confusion(), []);
        return new History(name, 1000, [new EpochMetrics(1, 100, 0.5, accuracy, test, 1, 100, 0)]);
    }

    static IReadOnlyList<VariantSummary> Variants(params (string Name, double[] Accuracies)[] variants)
    {
        var runs = variants.SelectMany(v => v.Accuracies.Select(a => Run(v.Name, a))).ToList();
        return VariantSummary.Of(runs, [.. runs.Select(_ => ChartSamples.Counts(30_000))]);
    }

    [Fact]
    public void Apart_ranges_are_larger_than_the_spread_and_name_the_winner()
    {
        var variants = Variants(("LSTM", [0.850, 0.852, 0.848]), ("BiLSTM", [0.861, 0.858, 0.870]), ("GRU", [0.840, 0.830, 0.835]));

        var differences = SeedDifference.Against("LSTM", variants);

        Assert.Equal(["BiLSTM", "GRU"], differences.Select(d => d.Variant));
        Assert.Equal(0.863 - 0.850, differences[0].Difference, 12);
        Assert.True(differences[0].LargerThanSpread);
        Assert.Equal("BiLSTM vs LSTM: +1.3 points on average over 3 seeds; larger than the seed spread: " +
                     "every BiLSTM seed (85.8–87.0%) beat every LSTM seed (84.8–85.2%).", differences[0].ToString());
        Assert.Equal("GRU vs LSTM: -1.5 points on average over 3 seeds; larger than the seed spread: " +
                     "every LSTM seed (84.8–85.2%) beat every GRU seed (83.0–84.0%).", differences[1].ToString());
    }

    [Fact]
    public void Overlapping_or_touching_ranges_are_within_the_spread()
    {
        var variants = Variants(("LSTM", [0.850, 0.860]), ("BiLSTM", [0.855, 0.871]), ("2 layers", [0.860, 0.865]));

        var differences = SeedDifference.Against("LSTM", variants);

        Assert.All(differences, d => Assert.False(d.LargerThanSpread));
        Assert.Equal("BiLSTM vs LSTM: +0.8 points on average over 2 seeds; within the seed spread: " +
                     "the seed ranges overlap (BiLSTM 85.5–87.1%, LSTM 85.0–86.0%).", differences[0].ToString());
        Assert.Contains("overlap (2 layers 86.0–86.5%, LSTM 85.0–86.0%)", differences[1].ToString());
    }

    [Fact]
    public void One_seed_gives_no_verdict()
    {
        var variants = Variants(("LSTM", [0.850]), ("BiLSTM", [0.870]));

        var difference = Assert.Single(SeedDifference.Against("LSTM", variants));

        Assert.Null(difference.LargerThanSpread);
        Assert.Equal("BiLSTM vs LSTM: +2.0 points, one seed each: one run per variant cannot tell a difference from " +
                     "seed-to-seed chance.", difference.ToString());
    }

    [Fact]
    public void An_unknown_baseline_names_the_variants()
    {
        var variants = Variants(("LSTM", [0.850]), ("BiLSTM", [0.870]));

        var error = Assert.Throws<ArgumentException>(() => SeedDifference.Against("GRU", variants));

        Assert.StartsWith("No variant is named \"GRU\"; the variants are LSTM, BiLSTM.", error.Message);
    }
}
