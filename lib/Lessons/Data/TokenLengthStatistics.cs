using Lessons.Text;

namespace Lessons.Data;

/// <summary>How long the articles are in <see cref="BasicEnglishTokenizer"/> tokens: what the padding and the
/// recurrent layer's unroll length depend on.</summary>
public sealed record TokenLengthStatistics(int Rows, long Tokens, int Min, double Mean, int Median, int P95, int Max)
{
    /// <summary>The statistics of <paramref name="items"/>' texts (an empty list gives all zeros).</summary>
    public static TokenLengthStatistics Of(IReadOnlyList<LabeledText> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new TokenLengthStatistics(0, 0, 0, 0, 0, 0, 0);
        var lengths = new int[items.Count];
        for (int i = 0; i < lengths.Length; i++)
            lengths[i] = BasicEnglishTokenizer.CountTokens(items[i].Text);
        Array.Sort(lengths);
        long total = 0;
        foreach (int n in lengths) total += n;
        return new TokenLengthStatistics(lengths.Length, total, lengths[0], (double)total / lengths.Length,
            Percentile(lengths, 0.5), Percentile(lengths, 0.95), lengths[^1]);
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static int Percentile(int[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
