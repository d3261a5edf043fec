using Lessons.Inspection;
using Lessons.Tests.Charts;
using Lessons.Training;

namespace Lessons.Tests.Inspection;

public class VariantDifferenceTests
{
    static VariantSummary Variant(string name, params double[] accuracies) => new(name,
        [.. accuracies.Select(a => new History(name, 1000,
            [new EpochMetrics(1, 100, 0.5, 0.9, new Evaluation(0.5, a, ChartSamples.Confusion(), []), 1, 100, 0)]))],
        ChartSamples.Counts(3136));

    [Fact]
    public void A_difference_exceeds_the_spread_only_when_the_seed_ranges_do_not_overlap()
    {
        var rnn = Variant("RNN", 0.850, 0.853, 0.856);
        var lstm = Variant("LSTM", 0.855, 0.859, 0.862);
        var gru = Variant("GRU", 0.870, 0.872, 0.875);

        var pairs = VariantDifference.Between([rnn, lstm, gru]);

        Assert.Equal(["LSTM/RNN", "GRU/RNN", "GRU/LSTM"], pairs.Select(p => $"{p.Higher.Run}/{p.Lower.Run}"));
        Assert.Equal([false, true, true], pairs.Select(p => p.ExceedsSpread));
        Assert.Equal(100 * ((0.855 + 0.859 + 0.862) / 3 - (0.850 + 0.853 + 0.856) / 3), pairs[0].Points, 1e-9);
        Assert.Equal("LSTM above RNN by 0.6 points (seed ranges 85.5–86.2% and 85.0–85.6% overlap): within the spread",
            pairs[0].ToString());
        Assert.Equal("GRU above LSTM by 1.4 points (seed ranges 87.0–87.5% and 85.5–86.2% do not overlap): larger than the spread",
            pairs[2].ToString());
    }

    [Fact]
    public void With_one_seed_there_is_no_spread_and_no_verdict()
    {
        var pair = VariantDifference.Between([Variant("RNN", 0.80), Variant("GRU", 0.90)]).Single();

        Assert.False(pair.SpreadMeasured);
        Assert.False(pair.ExceedsSpread);
        Assert.Equal("GRU above RNN by 10.0 points (one seed: no spread measured, so no verdict)", pair.ToString());
    }

    [Fact]
    public void Against_a_baseline_pairs_it_with_every_other_variant_in_order_the_better_one_first()
    {
        var lstm = Variant("LSTM", 0.853, 0.855, 0.859);
        var bi = Variant("BiLSTM", 0.855, 0.861, 0.868);
        var deep = Variant("LSTM, 2 layers", 0.804, 0.821, 0.851);

        var pairs = VariantDifference.Against("LSTM", [lstm, bi, deep]);

        Assert.Equal(["BiLSTM/LSTM", "LSTM/LSTM, 2 layers"], pairs.Select(p => $"{p.Higher.Run}/{p.Lower.Run}"));
        Assert.Equal([false, true], pairs.Select(p => p.ExceedsSpread));
        var error = Assert.Throws<ArgumentException>(() => VariantDifference.Against("GRU", [lstm, bi]));
        Assert.StartsWith("No variant is named \"GRU\"; the variants are LSTM, BiLSTM.", error.Message);
    }
}
