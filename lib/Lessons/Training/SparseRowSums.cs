namespace Lessons.Training;

/// <summary>
/// A sparse [N, D] gradient coalesced on the managed side: the distinct rows it names (in order of first appearance)
/// and each row's values summed over its repeats (an embedding's sparse gradient has one entry per token, so a word
/// used twice in a batch appears twice). The buffers live as long as the optimizer and are reused every step.
/// </summary>
sealed class SparseRowSums(int tableRows, int width)
{
    readonly int[] slotOfRow = Enumerable.Repeat(-1, tableRows).ToArray();
    int[] rows = new int[64];
    float[] sums = new float[64 * width];

    public int Width => width;

    /// <summary>Distinct rows gathered by the last <see cref="Gather"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The table row of distinct row number <paramref name="slot"/>.</summary>
    public int Row(int slot) => rows[slot];

    /// <summary>The summed gradient of distinct row number <paramref name="slot"/>.</summary>
    public Span<float> Sum(int slot) => sums.AsSpan(slot * width, width);

    /// <summary>Every distinct row's summed gradient, side by side ([Count, D]).</summary>
    public ReadOnlySpan<float> Sums => sums.AsSpan(0, Count * width);

    /// <summary>Coalesces one sparse gradient: <paramref name="indices"/> [nnz] rows, <paramref name="values"/> [nnz, D].</summary>
    public void Gather(ReadOnlySpan<long> indices, ReadOnlySpan<float> values)
    {
        foreach (int row in rows.AsSpan(0, Count)) slotOfRow[row] = -1;
        Count = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            int row = checked((int)indices[k]);
            int slot = slotOfRow[row];
            var entry = values.Slice(k * width, width);
            if (slot >= 0)
            {
                var sum = Sum(slot);
                for (int j = 0; j < width; j++) sum[j] += entry[j];
                continue;
            }
            if (Count == rows.Length)
            {
                Array.Resize(ref rows, 2 * rows.Length);
                Array.Resize(ref sums, rows.Length * width);
            }
            slotOfRow[row] = Count;
            rows[Count] = row;
            entry.CopyTo(Sum(Count));
            Count++;
        }
    }
}
