namespace Lessons.Models.Kernels;

/// <summary>
/// Where each token of a packed batch lives. A PackedSequence stores the batch step by step: first step 0 of every
/// sequence, then step 1 of those still running, and so on, the sequences sorted longest first. Step t therefore
/// occupies rows <c>Offsets[t] .. Offsets[t] + BatchSizes[t]</c> of the packed data, and sequence r (in sorted order)
/// sits at row <c>Offsets[t] + r</c>.
/// </summary>
internal sealed class PackedLayout
{
    /// <summary>How many sequences are still running at each step (non-increasing).</summary>
    public int[] BatchSizes { get; }

    /// <summary>The packed row where each step starts.</summary>
    public int[] Offsets { get; }

    /// <summary>Each sequence's length, in sorted order (longest first).</summary>
    public int[] Lengths { get; }

    /// <summary>Rows of packed data: the number of real tokens in the batch.</summary>
    public int Rows { get; }

    /// <summary>Sequences in the batch.</summary>
    public int Sequences => BatchSizes[0];

    /// <summary>Steps: the longest sequence's length.</summary>
    public int Steps => BatchSizes.Length;

    public PackedLayout(IReadOnlyList<long> batchSizes)
    {
        if (batchSizes.Count == 0 || batchSizes[0] < 1) throw new ArgumentException("a packed batch needs at least one step with at least one sequence");
        BatchSizes = new int[batchSizes.Count];
        Offsets = new int[batchSizes.Count];
        int rows = 0;
        for (int t = 0; t < batchSizes.Count; t++)
        {
            if (batchSizes[t] < 1 || (t > 0 && batchSizes[t] > batchSizes[t - 1]))
                throw new ArgumentException($"batch sizes must be positive and non-increasing (step {t}: {batchSizes[t]})");
            BatchSizes[t] = checked((int)batchSizes[t]);
            Offsets[t] = rows;
            rows = checked(rows + BatchSizes[t]);
        }
        Rows = rows;
        Lengths = new int[Sequences];
        foreach (int size in BatchSizes)
            for (int r = 0; r < size; r++) Lengths[r]++;
    }

    /// <summary>
    /// A padded batch read as a packed one: every one of the <paramref name="sequences"/> runs all
    /// <paramref name="steps"/> steps (padding included), so step t is rows <c>t·B .. t·B + B</c> (time-major).
    /// </summary>
    public static PackedLayout AllSteps(long sequences, long steps) => new(Enumerable.Repeat(sequences, checked((int)steps)).ToArray());

    /// <summary>The steps in the order a direction reads them: 0, 1, ... forward; last to first in reverse.</summary>
    public IEnumerable<int> StepOrder(bool reverse)
    {
        for (int i = 0; i < Steps; i++) yield return reverse ? Steps - 1 - i : i;
    }

    /// <summary>
    /// The row holding sequence r's state just before step t, as the given direction reads the sequence;
    /// -1 when step t is where that direction starts reading it (the state before is zero).
    /// </summary>
    public int Previous(int step, int sequence, bool reverse) => reverse
        ? (step + 1 < Steps && sequence < BatchSizes[step + 1] ? Offsets[step + 1] + sequence : -1)
        : (step > 0 ? Offsets[step - 1] + sequence : -1);

    /// <summary>The row where the given direction finishes reading sequence r: its last token forward, its first in reverse.</summary>
    public int Last(int sequence, bool reverse) => reverse ? sequence : Offsets[Lengths[sequence] - 1] + sequence;

    /// <summary>For every sequence (sorted order), the row where the given direction finishes reading it (see <see cref="Last"/>).</summary>
    public long[] LastRows(bool reverse) => [.. Enumerable.Range(0, Sequences).Select(r => (long)Last(r, reverse))];

    /// <summary>
    /// For every packed row, its position in the flattened padded batch [B x steps] (batch-first, caller's row order):
    /// row <c>Offsets[t] + r</c> is token t of batch row <c>sortedIndices[r]</c>.
    /// </summary>
    public long[] PaddedPositions(IReadOnlyList<long> sortedIndices, long totalSteps)
    {
        if (sortedIndices.Count != Sequences) throw new ArgumentException($"{sortedIndices.Count} sorted indices for {Sequences} sequences");
        if (totalSteps < Steps) throw new ArgumentException($"the padded batch has {totalSteps} steps, the packed one {Steps}");
        var positions = new long[Rows];
        for (int t = 0; t < Steps; t++)
            for (int r = 0; r < BatchSizes[t]; r++)
                positions[Offsets[t] + r] = sortedIndices[r] * totalSteps + t;
        return positions;
    }
}
