namespace Lessons.Batching;

/// <summary>How much of the padded token grids is padding: cells a model reads but that carry no word.</summary>
public static class PaddingStats
{
    /// <summary>Padding cells and all cells of one batch (rows × longest row).</summary>
    public static (long Pad, long Cells) Count(IReadOnlyList<int> lengths, int[] batch)
    {
        if (batch.Length == 0) return (0, 0);
        long longest = 0, real = 0;
        foreach (int i in batch)
        {
            longest = Math.Max(longest, lengths[i]);
            real += lengths[i];
        }
        long cells = longest * batch.Length;
        return (cells - real, cells);
    }

    /// <summary>The share of padding cells over all batches of an epoch (0 = none, 0.5 = half the grid is padding).</summary>
    public static double Share(IReadOnlyList<int> lengths, IEnumerable<int[]> batches)
    {
        long pad = 0, cells = 0;
        foreach (var batch in batches)
        {
            var (p, c) = Count(lengths, batch);
            pad += p;
            cells += c;
        }
        return cells == 0 ? 0 : (double)pad / cells;
    }

    public static double Share(IReadOnlyList<EncodedExample> examples, IEnumerable<int[]> batches) =>
        Share(examples.Select(e => e.Length).ToArray(), batches);
}
