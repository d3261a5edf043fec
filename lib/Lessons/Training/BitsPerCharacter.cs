using Lessons.Batching;
using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// How surprised a language model is by text it did not train on: the mean of −log₂ P(next character), in bits per
/// character (End included). A model that knows nothing about 64 equally likely characters needs 6 bits; every bit
/// less halves the choices it is left with. Perplexity, 2^bits, says the same as a number of equally likely choices.
/// </summary>
public static class BitsPerCharacter
{
    /// <summary>Bits from a mean cross-entropy in nats (what <c>cross_entropy</c> returns): nats / ln 2.</summary>
    public static double FromNats(double nats) => nats / Math.Log(2);

    /// <summary>The perplexity of <paramref name="bits"/> per character: 2^bits.</summary>
    public static double Perplexity(double bits) => Math.Pow(2, bits);

    /// <summary>
    /// <paramref name="model"/>'s bits per character on <paramref name="headlines"/> (character ids), each read from
    /// Start with a fresh state, in batches of <paramref name="batchSize"/>; no gradients, each batch in its own
    /// DisposeScope. The model is left in eval mode.
    /// </summary>
    public static double Of(LanguageModel model, IReadOnlyList<int[]> headlines, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfZero(headlines.Count);
        model.eval();
        using var noGrad = no_grad();
        double nats = 0;
        long predictions = 0;
        for (int first = 0; first < headlines.Count; first += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = NextCharacterBatch.Build(headlines, [.. Enumerable.Range(first, Math.Min(batchSize, headlines.Count - first))]);
            var (scores, _) = model.call(batch.Inputs, null);
            nats += nn.functional.cross_entropy(scores.flatten(0, 1), batch.Targets.flatten(),
                ignore_index: NextCharacterBatch.Ignored, reduction: nn.Reduction.Sum).item<float>();
            predictions += batch.Predictions;
        }
        return FromNats(nats / predictions);
    }
}
