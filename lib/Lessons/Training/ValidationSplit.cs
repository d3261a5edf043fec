using Lessons.Batching;

namespace Lessons.Training;

/// <summary>
/// Carves a validation part out of the training split, seeded and stratified: each class gives the same share of its
/// examples, so the validation part has the training split's class balance. The trainer picks epochs on it; the test
/// split is never used to choose anything.
/// </summary>
static class ValidationSplit
{
    /// <summary>
    /// Splits the training examples into (fit, validation), both in their original order. Of each class,
    /// round(count x share) examples go to validation, chosen by a shuffle seeded with <paramref name="seed"/>;
    /// share 0 holds nothing out.
    /// </summary>
    public static (IReadOnlyList<EncodedExample> Fit, IReadOnlyList<EncodedExample> Validation) Carve(
        IReadOnlyList<EncodedExample> train, double share, int seed)
    {
        if (share <= 0) return (train, []);
        if (share >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "The validation share must be below 1.");
        var random = new Random(StableSeed.Combine(seed, 0xba1));
        var held = new bool[train.Count];
        foreach (var group in Enumerable.Range(0, train.Count).GroupBy(i => train[i].Label).OrderBy(g => g.Key))
        {
            int[] members = [.. group];
            random.Shuffle(members);
            foreach (int i in members.Take((int)Math.Round(members.Length * share))) held[i] = true;
        }
        EncodedExample[] fit = [.. train.Where((_, i) => !held[i])];
        if (fit.Length == 0)
            throw new ArgumentException($"A validation share of {share} leaves none of {train.Count} examples to train on.", nameof(share));
        return (fit, [.. train.Where((_, i) => held[i])]);
    }
}
