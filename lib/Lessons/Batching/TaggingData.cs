using Lessons.Data;
using Lessons.Text;

namespace Lessons.Batching;

/// <summary>
/// AG News as the tagging task of <see cref="NumberSideTags"/>: every text tokenized once, every digit of a token read
/// as 0 (<see cref="DigitsAsZero"/>), the vocabulary built from the training split's tokens (words seen at least
/// <c>minFreq</c> times), and both splits encoded with their tags.
/// </summary>
public sealed record TaggingData(Vocabulary Vocabulary, TaggedSplit Train, TaggedSplit Test)
{
    /// <summary>The vocabulary's least count by default: words seen at least twice, as in the lessons.</summary>
    public const int DefaultMinFreq = 2;

    public static TaggingData Prepare(TextClassificationData data, int minFreq = DefaultMinFreq)
    {
        ArgumentNullException.ThrowIfNull(data);
        var train = Read(data.Train);
        var vocabulary = Vocabulary.Build(train, minFreq);
        return new TaggingData(vocabulary, Split(train, data.Train, vocabulary), Split(Read(data.Test), data.Test, vocabulary));
    }

    /// <summary>
    /// <paramref name="token"/> with every digit written as 0 (<c>2004</c> → <c>0000</c>, <c>3mbps</c> → <c>0mbps</c>),
    /// as taggers often read numbers: which number it is does not matter here, that it is one does, and the thousands
    /// of numbers that occur once become a few shapes the vocabulary keeps.
    /// </summary>
    internal static string DigitsAsZero(string token) =>
        token.Any(char.IsAsciiDigit) ? string.Concat(token.Select(c => char.IsAsciiDigit(c) ? '0' : c)) : token;

    // Each text's tokens, digits as 0; a text without tokens is read as one <unk>, which has no number on either side.
    static string[][] Read(IReadOnlyList<LabeledText> items) =>
        [.. ExampleEncoder.Tokenize(items).Select(t => t.Length > 0 ? t.Select(DigitsAsZero).ToArray() : [Vocabulary.UnkToken])];

    static TaggedSplit Split(string[][] tokens, IReadOnlyList<LabeledText> items, Vocabulary vocabulary) => new(
        ExampleEncoder.Encode(tokens, [.. items.Select(i => i.Label)], vocabulary),
        [.. tokens.Select(NumberSideTags.Of)],
        [.. tokens.Select(NumberSideTags.Distances)]);
}
