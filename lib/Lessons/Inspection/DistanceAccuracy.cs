namespace Lessons.Inspection;

/// <summary>
/// A tagger's per-token accuracy by how far to the right the word that decides a token's tag lies: one bin per
/// distance 1 … <see cref="Farthest"/> − 1, one for <see cref="Farthest"/> or more, and a last one for the tokens
/// with no deciding word to their right (distance 0). <c>Accuracy[b]</c> is the share of the bin's tokens tagged
/// right, pooled over the runs given (the same tokens in each), <c>Tokens[b]</c> how many tokens the bin holds.
/// </summary>
public sealed record DistanceAccuracy(int Farthest, double[] Accuracy, int[] Tokens)
{
    /// <summary>The bin of a token whose deciding word lies <paramref name="distance"/> to its right (0: none).</summary>
    public int Bin(int distance) => distance <= 0 ? Farthest : Math.Min(distance, Farthest) - 1;

    /// <summary>
    /// The accuracy by distance of the runs <paramref name="correct"/> (for each run, whether each token of each text
    /// was tagged right), whose tokens lie <paramref name="distances"/> from their deciding words.
    /// </summary>
    public static DistanceAccuracy Of(IReadOnlyList<int[]> distances, IEnumerable<IReadOnlyList<bool[]>> correct, int farthest = 10)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(farthest, 1);
        var shape = new DistanceAccuracy(farthest, new double[farthest + 1], new int[farthest + 1]);
        var right = new long[farthest + 1];
        var seen = new long[farthest + 1];
        int runs = 0;
        foreach (var run in correct)
        {
            if (run.Count != distances.Count)
                throw new ArgumentException($"A run tags {run.Count} texts, but there are distances for {distances.Count}.", nameof(correct));
            for (int i = 0; i < distances.Count; i++)
            {
                if (run[i].Length != distances[i].Length)
                    throw new ArgumentException($"Text {i}: {run[i].Length} tags judged, but it has {distances[i].Length} tokens.", nameof(correct));
                for (int t = 0; t < run[i].Length; t++)
                {
                    int bin = shape.Bin(distances[i][t]);
                    seen[bin]++;
                    if (run[i][t]) right[bin]++;
                }
            }
            runs++;
        }
        if (runs == 0) throw new ArgumentException("No runs to measure.", nameof(correct));
        for (int b = 0; b <= farthest; b++)
        {
            shape.Tokens[b] = (int)(seen[b] / runs);
            shape.Accuracy[b] = seen[b] == 0 ? double.NaN : (double)right[b] / seen[b];
        }
        return shape;
    }

    /// <summary>The share of all tokens of one run tagged right.</summary>
    public static double Overall(IReadOnlyList<bool[]> correct)
    {
        ArgumentNullException.ThrowIfNull(correct);
        long right = 0, all = 0;
        foreach (var text in correct)
        {
            all += text.Length;
            right += text.Count(c => c);
        }
        return all == 0 ? throw new ArgumentException("No tokens to measure.", nameof(correct)) : (double)right / all;
    }
}
