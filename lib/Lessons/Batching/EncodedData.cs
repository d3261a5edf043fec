using Lessons.Data;
using Lessons.Text;

namespace Lessons.Batching;

/// <summary>
/// AG News ready for training: the vocabulary built from the training split's tokens, and both splits
/// encoded once, each text cut to <c>maxTokens</c> tokens (<see cref="ExampleEncoder.DefaultMaxTokens"/>).
/// Each text is tokenized exactly once.
/// </summary>
public sealed record EncodedData(Vocabulary Vocabulary, EncodedExample[] Train, EncodedExample[] Test)
{
    /// <summary>Builds the vocabulary from <paramref name="data"/>'s training split (words seen at least minFreq times) and encodes both splits.</summary>
    public static EncodedData Prepare(TextClassificationData data, int minFreq = 1, int? limit = null, int maxTokens = ExampleEncoder.DefaultMaxTokens)
    {
        var train = limit is int n ? data.Train.Take(n).ToArray() : data.Train;
        var trainTokens = ExampleEncoder.Tokenize(train, maxTokens);
        var vocabulary = Vocabulary.Build(trainTokens, minFreq);
        return new EncodedData(
            vocabulary,
            ExampleEncoder.Encode(trainTokens, train.Select(i => i.Label).ToArray(), vocabulary),
            ExampleEncoder.Encode(data.Test, vocabulary, maxTokens));
    }

    /// <summary>Encodes both splits with an existing vocabulary (e.g. one loaded from a checkpoint).</summary>
    public static EncodedData Prepare(TextClassificationData data, Vocabulary vocabulary, int? limit = null, int maxTokens = ExampleEncoder.DefaultMaxTokens)
    {
        var train = limit is int n ? data.Train.Take(n).ToArray() : data.Train;
        return new EncodedData(vocabulary, ExampleEncoder.Encode(train, vocabulary, maxTokens), ExampleEncoder.Encode(data.Test, vocabulary, maxTokens));
    }
}
