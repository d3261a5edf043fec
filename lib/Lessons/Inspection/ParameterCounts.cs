using Lessons.Models;

namespace Lessons.Inspection;

/// <summary>
/// Where a classifier's parameters sit: the embedding (one vector per vocabulary word, usually most of them), the
/// recurrent layer (what uni/bi and 1/2 layers change) and the output layer.
/// </summary>
public sealed record ParameterCounts(long Embedding, long Recurrent, long Output)
{
    public long Total => Embedding + Recurrent + Output;

    public static ParameterCounts Of(RecurrentClassifier model)
    {
        long embedding = model.Embedding.parameters().Sum(p => p.numel());
        long recurrent = model.RecurrentParameterCount;
        return new ParameterCounts(embedding, recurrent, model.ParameterCount - embedding - recurrent);
    }
}
