using Lessons.Inspection;

namespace Lessons.Tests.Inspection;

public class DistanceAccuracyTests
{
    // Two texts: distances 1, 2, 5 and 0 (no deciding word), then 3, 0.
    static readonly int[][] Distances = [[1, 2, 5, 0], [3, 0]];

    [Fact]
    public void Tokens_fall_into_their_distance_the_far_bin_or_the_none_bin_and_runs_are_pooled()
    {
        bool[][] first = [[true, false, true, true], [false, true]];
        bool[][] second = [[true, true, false, true], [true, true]];

        var accuracy = DistanceAccuracy.Of(Distances, [first, second], farthest: 3);

        Assert.Equal(3, accuracy.Farthest);
        // bins: distance 1, distance 2, distance 3 or more (3 and 5), none
        Assert.Equal([1, 1, 2, 2], accuracy.Tokens);
        Assert.Equal([1.0, 0.5, 0.5, 1.0], accuracy.Accuracy);
        Assert.Equal(4.0 / 6, DistanceAccuracy.Overall(first), 12);
    }

    [Fact]
    public void An_empty_bin_has_no_accuracy_and_a_run_of_the_wrong_shape_is_refused_by_name()
    {
        var accuracy = DistanceAccuracy.Of([[0, 1]], [[[true, false]]], farthest: 3);
        Assert.True(double.IsNaN(accuracy.Accuracy[1]));

        var wrong = Assert.Throws<ArgumentException>(() => DistanceAccuracy.Of(Distances, [[[true], [true, true]]]));
        Assert.StartsWith("Text 0: 1 tags judged, but it has 4 tokens.", wrong.Message);
        Assert.Throws<ArgumentException>(() => DistanceAccuracy.Of(Distances, []));
    }
}
