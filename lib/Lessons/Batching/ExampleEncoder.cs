using Lessons.Data;
using Lessons.Text;

namespace Lessons.Batching;

/// <summary>
/// Tokenizes and looks up every headline of a split once, up front (the original lesson tokenized each batch
/// again in its collate function, every epoch). A headline with no tokens becomes one &lt;unk&gt;, so every row has
/// a length of at least 1; one with more than the cap (<see cref="DefaultMaxTokens"/> unless told otherwise) keeps
/// its first tokens only, so one huge row cannot blow up the padded batch it lands in.
/// </summary>
public static class ExampleEncoder
{
    /// <summary>
    /// The most tokens a text keeps by default. The longest real AG News text measured has 161 tokens (the 7,600 rows
    /// of the published test.csv, which the mini split is cut from); the cap leaves room for the training set's longer
    /// tail, yet bounds what one row can cost: a padded batch of 64 rows of 512 steps is still small.
    /// </summary>
    public const int DefaultMaxTokens = 512;

    /// <summary>The tokens of every item, in order (tokenized in parallel), each list cut to
    /// <paramref name="maxTokens"/>.</summary>
    public static string[][] Tokenize(IReadOnlyList<LabeledText> items, int maxTokens = DefaultMaxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        return [.. items.AsParallel().AsOrdered().Select(item => Cut(BasicEnglishTokenizer.Tokenize(item.Text), maxTokens))];
    }

    public static EncodedExample[] Encode(IReadOnlyList<LabeledText> items, Vocabulary vocabulary, int maxTokens = DefaultMaxTokens) =>
        Encode(Tokenize(items, maxTokens), items.Select(i => i.Label).ToArray(), vocabulary);

    public static EncodedExample[] Encode(IReadOnlyList<string[]> tokens, IReadOnlyList<int> labels, Vocabulary vocabulary)
    {
        if (tokens.Count != labels.Count) throw new ArgumentException($"{tokens.Count} token lists but {labels.Count} labels.", nameof(labels));
        var examples = new EncodedExample[tokens.Count];
        for (int i = 0; i < examples.Length; i++) examples[i] = new EncodedExample(EncodeTokens(tokens[i], vocabulary), labels[i]);
        return examples;
    }

    /// <summary>Encodes one headline the way the training data was encoded (for predictions).</summary>
    public static int[] Encode(string text, Vocabulary vocabulary, int maxTokens = DefaultMaxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        return EncodeTokens(Cut(BasicEnglishTokenizer.Tokenize(text), maxTokens), vocabulary);
    }

    private static string[] Cut(string[] tokens, int maxTokens) => tokens.Length > maxTokens ? tokens[..maxTokens] : tokens;

    /// <summary>One headline's tokens as ids: n-grams added when the vocabulary has them, and never an empty row.</summary>
    static int[] EncodeTokens(string[] tokens, Vocabulary vocabulary)
    {
        int[] ids = vocabulary.NGrams > 1 ? vocabulary.Encode(NGrams.Expand(tokens, vocabulary.NGrams)) : vocabulary.Encode(tokens);
        return ids.Length > 0 ? ids : [Vocabulary.Unk];
    }
}
