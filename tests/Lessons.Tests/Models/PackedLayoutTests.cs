using Lessons.Models.Kernels;

namespace Lessons.Tests.Models;

/// <summary>Where each token of a packed batch lives, for packed and for padded (all steps) batches.</summary>
public class PackedLayoutTests
{
    [Fact]
    public void Layout_of_the_lesson_example_matches_pack_padded_sequence()
    {
        // Lengths 5, 3, 1 (the lesson's example): batch sizes 3, 2, 2, 1, 1.
        var layout = new PackedLayout([3, 2, 2, 1, 1]);
        Assert.Equal([0, 3, 5, 7, 8], layout.Offsets);
        Assert.Equal([5, 3, 1], layout.Lengths);
        Assert.Equal(9, layout.Rows);
        Assert.Equal(6, layout.Last(1, reverse: false));   // sequence 1's third token
        Assert.Equal(1, layout.Last(1, reverse: true));    // read backwards, it ends at its first token
        Assert.Equal([8, 6, 2], layout.LastRows(reverse: false));
        Assert.Equal(-1, layout.Previous(0, 2, reverse: false));
        Assert.Equal(-1, layout.Previous(2, 1, reverse: true));   // step 2 is sequence 1's last token: the reverse reading starts there
        Assert.Equal(3, layout.Previous(0, 0, reverse: true));
        // Batch rows 2, 0, 1 sorted longest first: packed row 3 is token 1 of sorted sequence 0, i.e. batch row 2.
        Assert.Equal([10, 0, 5, 11, 1, 12, 2, 13, 14], layout.PaddedPositions([2, 0, 1], 5));
    }

    [Fact]
    public void A_padded_batch_is_a_layout_where_every_row_runs_every_step_time_major()
    {
        var layout = PackedLayout.AllSteps(sequences: 3, steps: 4);
        Assert.Equal([3, 3, 3, 3], layout.BatchSizes);
        Assert.Equal([0, 3, 6, 9], layout.Offsets);
        Assert.Equal([4, 4, 4], layout.Lengths);
        Assert.Equal(12, layout.Rows);
        Assert.Equal([9, 10, 11], layout.LastRows(reverse: false));   // step 3 of every row
        Assert.Equal([0, 1, 2], layout.LastRows(reverse: true));      // step 0
        Assert.Equal(4, layout.Previous(2, 1, reverse: false));       // row t·B + b follows row (t − 1)·B + b
        Assert.Equal(10, layout.Previous(2, 1, reverse: true));
    }

    [Fact]
    public void A_layout_whose_batch_sizes_grow_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PackedLayout([2, 3]));
        Assert.Contains("step 1", error.Message);
    }
}
