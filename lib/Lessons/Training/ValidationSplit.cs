using Lessons.Batching;

namespace Lessons.Training;

/// <summary>Carves a validation part out of the training split.</summary>
static class ValidationSplit
{
    /// <summary>A seeded split of the training examples into (fit, validation); share 0 holds nothing out.</summary>
    public static (IReadOnlyList<EncodedExample> Fit, IReadOnlyList<EncodedExample> Validation) Carve(
        IReadOnlyList<EncodedExample> train, double share, int seed)
    {
        if (share <= 0) return (train, []);
        if (share >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "The validation share must be below 1.");
        int[] order = [.. Enumerable.Range(0, train.Count)];
        new Random(StableSeed.Combine(seed, 0xba1)).Shuffle(order);
        int held = (int)Math.Round(train.Count * share);
        return ([.. order.Skip(held).Order().Select(i => train[i])], [.. order.Take(held).Order().Select(i => train[i])]);
    }
}
