namespace Lessons.Batching;

/// <summary>
/// Decides which examples go into which batch, epoch by epoch, reproducibly from a seed.
/// Plain: shuffle and cut. Bucketed: shuffle, then sort by length inside shuffled chunks of
/// <see cref="ChunkBatches"/> batches, cut, and shuffle the batch order, so rows of a batch have
/// similar lengths (little padding) while the epoch stays random. Every example appears exactly once per epoch.
/// </summary>
public sealed class BucketSampler
{
    readonly int[] lengths;

    /// <param name="lengths">Token count of each example of the split.</param>
    /// <param name="batchSize">Rows per batch (the last batch of an epoch may be smaller).</param>
    /// <param name="seed">Same seed and epoch, same batches.</param>
    /// <param name="bucketed">Sort by length inside chunks (true) or plain shuffle (false).</param>
    /// <param name="chunkBatches">How many batches' worth of examples are sorted together.</param>
    public BucketSampler(IReadOnlyList<int> lengths, int batchSize, int seed = 0, bool bucketed = true, int chunkBatches = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBatches, 1);
        this.lengths = [.. lengths];
        BatchSize = batchSize;
        Seed = seed;
        Bucketed = bucketed;
        ChunkBatches = chunkBatches;
    }

    public BucketSampler(IReadOnlyList<EncodedExample> examples, int batchSize, int seed = 0, bool bucketed = true, int chunkBatches = 50)
        : this(examples.Select(e => e.Length).ToArray(), batchSize, seed, bucketed, chunkBatches) { }

    public int BatchSize { get; }
    public int Seed { get; }
    public bool Bucketed { get; }
    public int ChunkBatches { get; }
    public int Count => lengths.Length;
    public int BatchesPerEpoch => (Count + BatchSize - 1) / BatchSize;

    /// <summary>The batches of one epoch (0-based), as indices into the split.</summary>
    public IReadOnlyList<int[]> Epoch(int epoch)
    {
        var random = new Random(StableSeed.Combine(Seed, epoch, 0x5eed));
        int[] order = [.. Enumerable.Range(0, Count)];
        random.Shuffle(order);

        if (Bucketed)
        {
            int chunk = BatchSize * ChunkBatches;
            for (int start = 0; start < order.Length; start += chunk)
            {
                // Stable sort by length: ties keep their shuffled order.
                var span = order.AsSpan(start, Math.Min(chunk, order.Length - start));
                int[] sorted = [.. span.ToArray().OrderBy(i => lengths[i])];
                sorted.CopyTo(span);
            }
        }

        var batches = new int[BatchesPerEpoch][];
        for (int b = 0; b < batches.Length; b++)
            batches[b] = order[(b * BatchSize)..Math.Min((b + 1) * BatchSize, order.Length)];
        if (Bucketed) random.Shuffle(batches);
        return batches;
    }
}
