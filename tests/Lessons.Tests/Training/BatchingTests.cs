using Lessons.Batching;
using Lessons.Runtime;

namespace Lessons.Tests.Training;

public sealed class BatchingTests
{
    public BatchingTests() => TorchRuntime.EnsureReady();

    static readonly EncodedExample[] Tiny =
    [
        new([5, 6, 7], 0),
        new([8], 1),
        new([9, 10], 2),
        new([11, 12, 13, 14], 3),
    ];

    [Fact]
    public void Build_pads_each_row_with_the_pad_id_to_the_longest_row()
    {
        using var batch = BatchBuilder.Build(Tiny, [0, 1, 3]);

        Assert.Equal([3L, 4L], batch.Tokens.shape);
        Assert.Equal([5L, 6, 7, 1, 8, 1, 1, 1, 11, 12, 13, 14], batch.Tokens.data<long>().ToArray());
        Assert.Equal([3L, 1, 4], batch.Lengths.data<long>().ToArray());
        Assert.Equal([0L, 1, 3], batch.Labels.data<long>().ToArray());
        Assert.Equal([0, 1, 3], batch.Indices);
        Assert.Equal((4L, 12L), PaddingStats.Count(Tiny.Select(e => e.Length).ToArray(), [0, 1, 3]));
    }

    [Fact]
    public void Build_never_pads_with_the_unknown_word_id()
    {
        using var batch = BatchBuilder.Build(Tiny, [1, 2]);
        Assert.Equal([8L, 1, 9, 10], batch.Tokens.data<long>().ToArray());
        Assert.DoesNotContain(0L, batch.Tokens.data<long>().ToArray());
    }

    [Fact]
    public void Padding_share_counts_pad_cells_over_all_cells()
    {
        int[] lengths = [3, 1, 2, 4];
        // [0,1]: 2 rows x 3 = 6 cells, 2 pad. [2,3]: 2 x 4 = 8 cells, 2 pad.
        Assert.Equal(4.0 / 14.0, PaddingStats.Share(lengths, [[0, 1], [2, 3]]), 12);
    }

    static int[] RandomLengths(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(5, 80))];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_example_appears_exactly_once_per_epoch(bool bucketed)
    {
        var sampler = new BucketSampler(RandomLengths(1003, 1), batchSize: 16, seed: 7, bucketed: bucketed, chunkBatches: 5);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var batches = sampler.Epoch(epoch);
            Assert.Equal(63, batches.Count);
            Assert.Equal(Enumerable.Range(0, 1003), batches.SelectMany(b => b).Order());
            Assert.All(batches, b => Assert.InRange(b.Length, 1, 16));
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_batches_and_other_seeds_or_epochs_do_not()
    {
        int[] lengths = RandomLengths(500, 2);
        var a = new BucketSampler(lengths, 16, seed: 3);
        var b = new BucketSampler(lengths, 16, seed: 3);
        var c = new BucketSampler(lengths, 16, seed: 4);

        Assert.Equal(a.Epoch(0), b.Epoch(0));
        Assert.Equal(a.Epoch(1), b.Epoch(1));
        Assert.NotEqual(a.Epoch(0), a.Epoch(1));
        Assert.NotEqual(a.Epoch(0), c.Epoch(0));
    }

    [Fact]
    public void Bucketing_keeps_rows_of_a_batch_close_in_length()
    {
        int[] lengths = RandomLengths(2000, 3);
        double plain = PaddingStats.Share(lengths, new BucketSampler(lengths, 16, seed: 1, bucketed: false).Epoch(0));
        double bucketed = PaddingStats.Share(lengths, new BucketSampler(lengths, 16, seed: 1, bucketed: true).Epoch(0));
        Assert.True(plain > 0.25, $"plain {plain:P1}");
        Assert.True(bucketed < plain / 5, $"bucketed {bucketed:P1} vs plain {plain:P1}");
    }

    [Fact]
    public void ByLength_covers_every_example_once_shortest_first()
    {
        var batches = BatchBuilder.ByLength(Tiny, 3);
        Assert.Equal([[1, 2, 0], [3]], batches);
    }
}

public sealed class MiniDataBatchingTests
{
    [Fact]
    public void On_the_mini_split_bucketing_pads_far_less_than_plain_shuffling()
    {
        var data = EncodedData.Prepare(Lessons.Data.AgNews.Load(Lessons.Tests.Data.SharedData.Mini), minFreq: 1);
        Assert.Equal(6080, data.Train.Length);
        double plain = PaddingStats.Share(data.Train, new BucketSampler(data.Train, 16, seed: 0, bucketed: false).Epoch(0));
        double bucketed = PaddingStats.Share(data.Train, new BucketSampler(data.Train, 16, seed: 0, bucketed: true).Epoch(0));
        Assert.True(plain > 0.2, $"plain {plain:P1}");
        Assert.True(bucketed < plain / 4, $"bucketed {bucketed:P1} vs plain {plain:P1}");
    }
}
