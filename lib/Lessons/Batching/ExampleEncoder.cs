using Lessons.Data;
using Lessons.Text;

namespace Lessons.Batching;

/// <summary>
/// Tokenizes and looks up every headline of a split once, up front (the original lesson tokenized each batch
/// again in its collate function, every epoch). A headline with no tokens becomes one &lt;unk&gt;, so every row has
/// a length of at least 1.
/// </summary>
public static class ExampleEncoder
{
    /// <summary>The tokens of every item, in order (tokenized in parallel).</summary>
    public static string[][] Tokenize(IReadOnlyList<NewsItem> items) =>
        [.. items.AsParallel().AsOrdered().Select(item => BasicEnglishTokenizer.Tokenize(item.Text))];

    public static EncodedExample[] Encode(IReadOnlyList<NewsItem> items, Vocabulary vocabulary) =>
        Encode(Tokenize(items), items.Select(i => i.Label).ToArray(), vocabulary);

    public static EncodedExample[] Encode(IReadOnlyList<string[]> tokens, IReadOnlyList<int> labels, Vocabulary vocabulary)
    {
        if (tokens.Count != labels.Count) throw new ArgumentException($"{tokens.Count} token lists but {labels.Count} labels.", nameof(labels));
        var examples = new EncodedExample[tokens.Count];
        for (int i = 0; i < examples.Length; i++) examples[i] = new EncodedExample(EncodeTokens(tokens[i], vocabulary), labels[i]);
        return examples;
    }

    /// <summary>Encodes one headline the way the training data was encoded (for predictions).</summary>
    public static int[] Encode(string text, Vocabulary vocabulary) => EncodeTokens(BasicEnglishTokenizer.Tokenize(text), vocabulary);

    /// <summary>One headline's tokens as ids: n-grams added when the vocabulary has them, and never an empty row.</summary>
    static int[] EncodeTokens(string[] tokens, Vocabulary vocabulary)
    {
        int[] ids = vocabulary.NGrams > 1 ? vocabulary.Encode(NGrams.Expand(tokens, vocabulary.NGrams)) : vocabulary.Encode(tokens);
        return ids.Length > 0 ? ids : [Vocabulary.Unk];
    }
}
