using System.Text.RegularExpressions;
using Lessons.Inspection;
using Lessons.Localization;
using Lessons.Tests.Charts;
using Lessons.Training;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// What a comparison leaves for a student to read: every notebook that compares trained variants prints the verdict of
/// an interval (AccuracyDifference) in both languages; the pattern of the progress lines that the committed outputs
/// must not keep (<see cref="CommittedOutputsTests"/>: they belong in the live display, emptied when its work is done).
/// </summary>
public sealed class ComparisonOutputTests
{
    /// <summary>Calls that train a comparison of variants (the bag of words alone, as notebook 1 trains it, compares
    /// nothing), and those that print its verdicts.</summary>
    static readonly Regex Compares = new(@"Lesson\.(CompareVariants|CompareReadouts)\("),
        PrintsVerdicts = new(@"\.PrintDifferences\(|\.PrintEffects\(|\.Differences\b|AccuracyDifference\.");

    /// <summary>The lines a live display shows while it works: a run of a comparison, the long-memory counter, a start.</summary>
    internal static readonly Regex ProgressLine = new(
        @", seed \d+ epoch \d+:|, tohum \d+ – \d+\. dönem:|Long-memory task: \d+ of \d+ models|Uzun bellek görevi: \d+ modelden|Long-memory task: starting|Uzun bellek görevi: başlıyor|: (starting|running|başlıyor|çalışıyor)…");

    public static TheoryData<string> Notebooks() => new(RepositoryNotebooks.All());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_that_compares_variants_prints_the_verdict_of_an_interval(string notebook)
    {
        string code = string.Join("\n", RepositoryNotebooks.CodeCells(notebook).Select(c => c.Source));
        if (Compares.IsMatch(code)) Assert.Matches(PrintsVerdicts, code);
    }

    [Fact]
    public async Task Both_verdicts_print_the_interval_in_both_languages()
    {
        var pairs = new[] { Pair(FirstRight(150, 200), FirstRight(150, 200)), Pair(FirstRight(0, 50), FirstRight(50, 50)) };
        Assert.Equal([false, true], pairs.Select(p => p.Clear));
        Assert.All(pairs, p => Assert.Contains("95% interval", p.ToString()));
        await Task.Run(() =>
        {
            KitLanguage.Set("tr");
            Assert.All(pairs, p => Assert.Contains("%95 aralığı", p.ToString()));
        });
    }

    [Fact]
    public async Task An_interval_just_above_zero_says_barely_and_never_at_least_zero_points()
    {
        var barely = new AccuracyDifference("bag of words", "GRU", 1.3, 0.03, 2.6);
        var clear = new AccuracyDifference("LSTM", "RNN", 1.4, 0.06, 2.7);
        Assert.Equal("bag of words above GRU, but barely: the 95% interval starts just above 0 (difference 1.3 points, 95% interval 0.03 to 2.6)",
            barely.ToString());
        Assert.Equal("LSTM above RNN by at least 0.1 points (difference 1.4 points, 95% interval 0.1 to 2.7)", clear.ToString());
        // A lower end just below 0 is written 0.0, never -0.0.
        Assert.Equal("GRU and RNN cannot be told apart on this data (difference 1.3 points, 95% interval 0.0 to 2.5)",
            new AccuracyDifference("GRU", "RNN", 1.3, -0.01, 2.5).ToString());
        await Task.Run(() =>
        {
            KitLanguage.Set("tr");
            Assert.Equal("“bag of words”, “GRU” modelinden yüksek, ama kıl payı: %95 aralığı 0'ın hemen üstünden başlıyor (fark 1,3 puan, %95 aralığı 0,03 ile 2,6 arası)",
                barely.ToString());
        });
    }

    [Fact]
    public void The_progress_pattern_finds_the_lines_a_live_display_shows_and_spares_the_results()
    {
        Assert.Matches(ProgressLine, "packed LSTM, seed 0 epoch 10: test accuracy 85.8 %, test loss 0.489");
        Assert.Matches(ProgressLine, "paketlenmiş LSTM, tohum 0 – 10. dönem: test doğruluğu %85,8");
        Assert.Matches(ProgressLine, "Long-memory task: 15 of 15 models trained, the last GRU with 100 distractors");
        Assert.Matches(ProgressLine, "Uzun bellek görevi: 15 modelden 15 tanesi eğitildi");
        Assert.DoesNotMatch(ProgressLine, "packed LSTM: test accuracy 85.9 % on average over 3 seeds (lowest 85.9 %, highest 86.0 %)");
        Assert.DoesNotMatch(ProgressLine, "LSTM, subject and body epoch 10: test accuracy 95.0 %");
    }

    static AccuracyDifference Pair(string a, string b) => AccuracyDifference.Of(Run("A", a), Run("B", b));

    static History Run(string name, string hits) => new(name, 1000, [new EpochMetrics(1, 100, 0.5, 0.9,
        new Evaluation(0.5, ExampleHits.Parse(hits)!.Accuracy, ChartSamples.Confusion(), [], ExampleHits.Parse(hits)), 1, 100, 0)]);

    static string FirstRight(int right, int count) => new string('1', right) + new string('0', count - right);
}
