using Lessons.Batching;
using Lessons.Training;

namespace Lessons.Tests.Training;

public sealed class ValidationSplitTests
{
    /// <summary>300 examples of class 0, 100 of class 1, 40 of class 2, each with a distinct first token.</summary>
    static EncodedExample[] Unbalanced() =>
        [.. Enumerable.Range(0, 440).Select(i => new EncodedExample([i, 7], i < 300 ? 0 : i < 400 ? 1 : 2))];

    [Fact]
    public void Each_class_gives_the_same_share_and_every_example_lands_in_exactly_one_part()
    {
        var train = Unbalanced();
        var (fit, validation) = ValidationSplit.Carve(train, 0.1, seed: 5);

        Assert.Equal([(0, 30), (1, 10), (2, 4)], validation.CountBy(e => e.Label).Select(kv => (kv.Key, kv.Value)).Order());
        Assert.Equal(Enumerable.Range(0, 440), fit.Concat(validation).Select(e => e.Tokens[0]).Order());
        // Both parts keep the training split's order.
        Assert.Equal(fit.Select(e => e.Tokens[0]).Order(), fit.Select(e => e.Tokens[0]));
        Assert.Equal(validation.Select(e => e.Tokens[0]).Order(), validation.Select(e => e.Tokens[0]));
    }

    [Fact]
    public void The_seed_decides_which_examples_are_held_out()
    {
        var train = Unbalanced();
        int[] Held(int seed) => [.. ValidationSplit.Carve(train, 0.1, seed).Validation.Select(e => e.Tokens[0])];

        Assert.Equal(Held(5), Held(5));
        Assert.NotEqual(Held(5), Held(6));
    }

    [Fact]
    public void Share_zero_holds_nothing_out_and_a_share_that_leaves_nothing_to_train_on_is_an_error()
    {
        var train = Unbalanced();
        var (fit, validation) = ValidationSplit.Carve(train, 0, seed: 1);
        Assert.Same(train, fit);
        Assert.Empty(validation);

        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Carve(train, 1, seed: 1));
        var error = Assert.Throws<ArgumentException>(() => ValidationSplit.Carve([new EncodedExample([1], 0)], 0.6, seed: 1));
        Assert.Contains("leaves none of 1 examples to train on", error.Message);
    }
}
