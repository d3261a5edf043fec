using Lessons.Inspection;
using Lessons.Tests.Charts;
using Lessons.Training;

namespace Lessons.Tests.Inspection;

public class AccuracyDifferenceTests
{
    /// <summary>A variant whose seeds got right the test examples marked '1' in each pattern ("1101…").</summary>
    static VariantSummary Variant(string name, params string[] seeds) => new(name,
        [.. seeds.Select(hits => new History(name, 1000, [new EpochMetrics(1, 100, 0.5, 0.9,
            new Evaluation(0.5, ExampleHits.Parse(hits)!.Accuracy, ChartSamples.Confusion(), [], ExampleHits.Parse(hits)), 1, 100, 0)]))],
        ChartSamples.Counts(3136));

    /// <summary><paramref name="right"/> examples right out of <paramref name="count"/>, the first ones.</summary>
    static string FirstRight(int right, int count) => new string('1', right) + new string('0', count - right);

    [Fact]
    public void Identical_variants_cannot_be_told_apart_and_their_interval_is_zero()
    {
        string seed = FirstRight(150, 200);
        var pair = AccuracyDifference.Of(Variant("LSTM", seed), Variant("GRU", seed));

        Assert.Equal((0.0, 0.0, 0.0), (pair.Points, pair.Low, pair.High));
        Assert.False(pair.Clear);
        Assert.Equal("LSTM and GRU cannot be told apart on this data (difference 0.0 points, 95% interval 0.0 to 0.0)", pair.ToString());
    }

    [Fact]
    public void Identical_sets_of_seeds_give_an_interval_around_zero()
    {
        string[] seeds = [FirstRight(140, 200), FirstRight(150, 200), FirstRight(160, 200)];
        var pair = AccuracyDifference.Of(Variant("LSTM", seeds), Variant("GRU", seeds));

        Assert.Equal(0.0, pair.Points);
        Assert.True(pair.Low < 0 && pair.High > 0, $"interval {pair.Low} to {pair.High}");
        Assert.False(pair.Clear);
    }

    [Fact]
    public void A_variant_right_on_every_example_against_one_wrong_on_every_example_is_above_by_exactly_100_points()
    {
        var pair = AccuracyDifference.Of(Variant("RNN", FirstRight(0, 50), FirstRight(0, 50)), Variant("LSTM", FirstRight(50, 50)));

        Assert.Equal(("LSTM", "RNN"), (pair.Higher, pair.Lower));
        Assert.Equal((100.0, 100.0, 100.0), (pair.Points, pair.Low, pair.High));
        Assert.True(pair.Clear);
        Assert.Equal("LSTM above RNN by at least 100.0 points (difference 100.0 points, 95% interval 100.0 to 100.0)", pair.ToString());
    }

    [Fact]
    public void With_one_seed_the_test_examples_alone_make_the_interval()
    {
        // Both right on the first 150 of 200; the GRU also on the next 10. Paired, every resample has the GRU ahead by
        // the share of those 10 among the drawn examples: about 5 points, never below 0.
        var pair = AccuracyDifference.Of(Variant("LSTM", FirstRight(150, 200)), Variant("GRU", FirstRight(160, 200)));

        Assert.Equal(("GRU", "LSTM"), (pair.Higher, pair.Lower));
        Assert.Equal(5.0, pair.Points, 9);
        Assert.True(pair.Clear);
        Assert.InRange(pair.Low, 1.5, 3.5);
        Assert.InRange(pair.High, 6.5, 9.0);
        Assert.StartsWith("GRU above LSTM by at least ", pair.ToString());
        Assert.Equal(pair, AccuracyDifference.Of(Variant("LSTM", FirstRight(150, 200)).Seeds[0], Variant("GRU", FirstRight(160, 200)).Seeds[0]));
    }

    [Fact]
    public void The_same_accuracies_on_different_examples_give_a_wide_interval()
    {
        // 5 points apart again, but the GRU's extra examples are not the LSTM's: the pairing no longer cancels the rest.
        string lstm = FirstRight(150, 200);
        string gru = new string('0', 40) + new string('1', 160);
        var pair = AccuracyDifference.Of(Variant("LSTM", lstm), Variant("GRU", gru));

        Assert.Equal(5.0, pair.Points, 9);
        Assert.False(pair.Clear);
        Assert.StartsWith("GRU and LSTM cannot be told apart on this data (difference 5.0 points, 95% interval -", pair.ToString());
    }

    [Fact]
    public void Seeds_that_disagree_widen_the_interval()
    {
        // On each example the GRU is as good as the LSTM or better, but its seeds lie far apart.
        var lstm = Variant("LSTM", FirstRight(150, 200), FirstRight(150, 200), FirstRight(150, 200));
        var oneSeed = AccuracyDifference.Of(lstm, Variant("GRU", FirstRight(160, 200)));
        var seeds = AccuracyDifference.Of(lstm, Variant("GRU", FirstRight(150, 200), FirstRight(150, 200), FirstRight(180, 200)));

        Assert.Equal(5.0, seeds.Points, 9);
        Assert.True(oneSeed.Clear);
        Assert.Equal(0.0, seeds.Low);
        Assert.False(seeds.Clear);
        Assert.True(seeds.High - seeds.Low > oneSeed.High - oneSeed.Low);
    }

    [Fact]
    public void The_same_runs_always_give_the_same_interval()
    {
        var a = Variant("LSTM", FirstRight(150, 300), FirstRight(160, 300));
        var b = Variant("GRU", new string('0', 20) + FirstRight(140, 280), FirstRight(170, 300));

        var first = AccuracyDifference.Of(a, b);
        var second = AccuracyDifference.Of(a, b);

        Assert.Equal((first.Points, first.Low, first.High), (second.Points, second.Low, second.High));
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void Against_a_baseline_pairs_it_with_every_other_variant_in_order_the_better_one_first()
    {
        var lstm = Variant("LSTM", FirstRight(150, 200));
        var bi = Variant("BiLSTM", FirstRight(170, 200));
        var deep = Variant("LSTM, 2 layers", FirstRight(120, 200));

        var pairs = AccuracyDifference.Against("LSTM", [lstm, bi, deep]);

        Assert.Equal(["BiLSTM/LSTM", "LSTM/LSTM, 2 layers"], pairs.Select(p => $"{p.Higher}/{p.Lower}"));
        Assert.Equal(["BiLSTM/LSTM", "LSTM/LSTM, 2 layers", "BiLSTM/LSTM, 2 layers"],
            AccuracyDifference.Between([lstm, bi, deep]).Select(p => $"{p.Higher}/{p.Lower}"));
        var error = Assert.Throws<ArgumentException>(() => AccuracyDifference.Against("GRU", [lstm, bi]));
        Assert.StartsWith("No variant is named \"GRU\"; the variants are LSTM, BiLSTM.", error.Message);
    }

    [Fact]
    public void Runs_tested_on_different_examples_or_without_hits_are_refused_with_a_reason()
    {
        var other = Assert.Throws<ArgumentException>(() =>
            AccuracyDifference.Of(Variant("LSTM", FirstRight(150, 200)), Variant("GRU", FirstRight(150, 190))));
        Assert.StartsWith("\"LSTM\" and \"GRU\" were not tested on the same examples: compare runs on one test split.", other.Message);

        var saved = new VariantSummary("old", [new History("old", 1000,
            [new EpochMetrics(1, 100, 0.5, 0.9, new Evaluation(0.5, 0.8, ChartSamples.Confusion(), []), 1, 100, 0)])], ChartSamples.Counts(3136));
        var missing = Assert.Throws<InvalidOperationException>(() => AccuracyDifference.Of(saved, Variant("GRU", FirstRight(150, 200))));
        Assert.Equal("Run \"old\" kept no record of which test examples it got right (a history saved before the kit kept one): " +
            "train it again to compare it.", missing.Message);
    }
    /// <summary>A tagger's run: <paramref name="texts"/> texts of <paramref name="tokens"/> tokens, those of the texts
    /// for which <paramref name="right"/> holds tagged right, the others wrong.</summary>
    static bool[][] Tagged(int texts, int tokens, Func<int, bool> right) =>
        [.. Enumerable.Range(0, texts).Select(t => Enumerable.Repeat(right(t), tokens).ToArray())];

    [Fact]
    public void Per_token_runs_right_and_wrong_everywhere_are_100_points_apart()
    {
        var pair = AccuracyDifference.OfTexts("uni", [Tagged(40, 5, _ => false)], "bi", [Tagged(40, 5, _ => true), Tagged(40, 5, _ => true)]);

        Assert.Equal(("bi", "uni"), (pair.Higher, pair.Lower));
        Assert.Equal((100.0, 100.0, 100.0), (pair.Points, pair.Low, pair.High));
    }

    [Fact]
    public void Per_token_intervals_draw_whole_texts_so_many_tokens_of_one_text_count_as_one_draw()
    {
        // 20 texts; the better tagger gets 2 more texts right. With 1 token per text or 50, the accuracies are the same,
        // and drawing whole texts gives the same interval: the tokens of a text do not count as independent evidence.
        var one = AccuracyDifference.OfTexts("a", [Tagged(20, 1, t => t < 12)], "b", [Tagged(20, 1, t => t < 10)]);
        var many = AccuracyDifference.OfTexts("a", [Tagged(20, 50, t => t < 12)], "b", [Tagged(20, 50, t => t < 10)]);

        Assert.Equal(10.0, one.Points, 9);
        Assert.Equal((one.Points, one.Low, one.High), (many.Points, many.Low, many.High));
        Assert.True(many.Low >= 0 && many.High > many.Low, $"interval {many.Low} to {many.High}");
        Assert.Throws<ArgumentException>(() => AccuracyDifference.OfTexts("a", [Tagged(20, 5, _ => true)], "b", [Tagged(19, 5, _ => true)]));
    }
}
