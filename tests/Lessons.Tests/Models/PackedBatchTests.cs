using Lessons.Models.Kernels;
using static TorchSharp.torch;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Tests.Models;

/// <summary>
/// The kernels' own packing gathers exactly what LibTorch's pack_padded_sequence gives (the same rows in the same order,
/// ties included, the same batch sizes), and its way back exactly what pad_packed_sequence gives; gradients flow back
/// to the same places. Exactness, not a tolerance: the rows' order decides the order of the sums in the weights'
/// gradients, so anything else would move a training's numbers.
/// </summary>
public class PackedBatchTests
{
    public PackedBatchTests() => ModelTestData.Ready();

    [Fact]
    public void Rows_batch_sizes_and_the_way_back_equal_LibTorchs_packing_exactly()
    {
        manual_seed(3);
        for (int trial = 0; trial < 60; trial++)
        {
            using var scope = NewDisposeScope();
            long rows = 1 + trial % 33, steps = 1 + trial % 7 + trial % 3 * 9;
            var input = randn(rows, steps, 4);
            var lengths = randint(1, steps + 1, [rows]);   // many ties: several rows of each length
            var mine = PackedBatch.RealTokens(input, lengths);
            using var theirs = Rnn.pack_padded_sequence(input, lengths, batch_first: true, enforce_sorted: false);

            Assert.Equal(theirs.batch_sizes.data<long>().ToArray(), mine.Layout.BatchSizes.Select(n => (long)n));
            Assert.Equal(theirs.data.shape, mine.Rows.shape);
            Assert.True(theirs.data.eq(mine.Rows).all().item<bool>(), $"trial {trial}: the packed rows differ");
            var (padded, _) = Rnn.pad_packed_sequence(theirs, batch_first: true, total_length: steps);
            Assert.True(padded.eq(mine.ToPadded(mine.Rows)).all().item<bool>(), $"trial {trial}: the way back differs");
            var sortedStates = randn(2, rows, 3);
            Assert.True(sortedStates.index_select(1, theirs.unsorted_indices).eq(mine.ToCallerOrder(sortedStates)).all().item<bool>(),
                $"trial {trial}: the final states' order differs");
        }
    }

    [Fact]
    public void The_gradient_reaches_the_input_as_through_LibTorchs_packing()
    {
        manual_seed(4);
        var lengths = tensor(new long[] { 4, 7, 2, 7, 1, 4 });
        var weights = randn(25, 3);   // one weight per packed row: the gradient of each real token differs
        var viaMine = randn(6, 7, 3, requires_grad: true);
        var viaTheirs = viaMine.detach().clone().requires_grad_(true);

        (PackedBatch.RealTokens(viaMine, lengths).Rows * weights).sum().backward();
        using var packed = Rnn.pack_padded_sequence(viaTheirs, lengths, batch_first: true, enforce_sorted: false);
        (packed.data * weights).sum().backward();

        Assert.True(viaTheirs.grad!.eq(viaMine.grad!).all().item<bool>());
        Assert.Equal(0f, viaMine.grad![4, 1..].abs().sum().item<float>());   // a one-token row: no gradient at its pads
    }

    [Theory]
    [InlineData(new long[] { 3, 0, 2 })]
    [InlineData(new long[] { 3, 6, 2 })]
    [InlineData(new long[] { 3, 2 })]
    public void Lengths_outside_one_to_the_steps_are_refused(long[] lengths)
    {
        var error = Assert.Throws<ArgumentException>(() => PackedBatch.RealTokens(zeros(3, 5, 2), tensor(lengths)));
        Assert.StartsWith("lengths must give each of the 3 rows a length from 1 to 5", error.Message);
    }
}
