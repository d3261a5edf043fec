namespace Lessons.Data;

/// <summary>
/// A task only memory can solve, generated in code: each text is one marker word, which alone sets the class, followed
/// by <c>distractors</c> words drawn at random from a vocabulary of neutral words that say nothing about the class. A
/// model that reads the final state after the last word must carry the marker across every distractor; with more
/// distractors, that is where a simple RNN fails and gated cells hold. The classes are balanced exactly (text i has
/// class i mod 4) and the same seed gives the same texts.
/// </summary>
public static class LongMemoryTask
{
    /// <summary>The marker words, one per class (class i starts with marker i); also the class names.</summary>
    public static IReadOnlyList<string> Markers { get; } = ["north", "south", "east", "west"];

    /// <summary>The neutral words the distractors are drawn from (none of them is a marker).</summary>
    public static IReadOnlyList<string> NeutralWords { get; } =
    [
        "table", "river", "chair", "window", "paper", "stone", "garden", "bottle", "cloud", "pencil",
        "bridge", "candle", "forest", "mirror", "blanket", "ladder", "basket", "kettle", "violin", "meadow",
        "pocket", "engine", "button", "carpet", "tunnel", "lemon", "hammer", "island", "jacket", "marble",
    ];

    /// <summary>
    /// <paramref name="count"/> texts, each a marker and <paramref name="distractors"/> neutral words, as news items
    /// (the marker is the title, the distractors the description), drawn from <paramref name="random"/>.
    /// </summary>
    public static LabeledText[] Texts(int count, int distractors, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(distractors);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            int label = i % Markers.Count;
            var words = Enumerable.Range(0, distractors).Select(_ => NeutralWords[random.Next(NeutralWords.Count)]);
            return new LabeledText(label, Markers[label], string.Join(' ', words));
        })];
    }

    /// <summary>
    /// A training and a test split of the task with <paramref name="distractors"/> distractors per text, seeded by
    /// <paramref name="seed"/> (the test texts are drawn after the training texts, from the same stream).
    /// </summary>
    public static TextClassificationData Create(int distractors, int trainCount, int testCount, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testCount, 1);
        var random = new Random(seed);
        var train = Texts(trainCount, distractors, random);
        var test = Texts(testCount, distractors, random);
        return new TextClassificationData(train, test,
            $"long-memory task: a marker word, then {distractors} distractor words (generated, seed {seed})")
        {
            Classes = Markers,
        };
    }
}
