using Lessons.Batching;

namespace Lessons.Tests.Training;

/// <summary>
/// A generated task only word order can solve: every sentence holds the same words "not" (3) and "good" (2)
/// once, among random fillers; label 1 when "not" comes right before "good", label 0 when "good" comes right
/// before "not". A bag of words sees identical bags in both classes.
/// </summary>
static class OrderTask
{
    public const int Good = 2, Not = 3, FirstFiller = 4, VocabularySize = 12;

    /// <summary>The class names, by label.</summary>
    public static readonly string[] Classes = ["good not", "not good"];

    public static EncodedExample[] Make(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new EncodedExample[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            var tokens = Enumerable.Range(0, random.Next(2, 7)).Select(_ => random.Next(FirstFiller, VocabularySize)).ToList();
            int at = random.Next(0, tokens.Count + 1);
            tokens.InsertRange(at, label == 1 ? [Not, Good] : [Good, Not]);
            examples[i] = new EncodedExample([.. tokens], label);
        }
        return examples;
    }
}
