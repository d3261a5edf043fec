using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lessons.Models;

/// <summary>
/// The baseline that cannot see word order: the mean of a headline's token embeddings (padding excluded) fed to a
/// linear layer. Same forward signature as <see cref="RecurrentClassifier"/>, so the trainer drives both alike.
/// Uses VocabularySize, Embedding, Classes, PadIndex, Dropout, SparseEmbedding and EmbeddingInitStd of the options.
/// </summary>
public sealed class BagOfWordsClassifier : Module<Tensor, Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly GeneratorDropout dropout;
    readonly Linear head;

    /// <summary>The options given, marked <see cref="ClassifierOptions.BagOfWords"/> (what this model is, whatever they said).</summary>
    public ClassifierOptions Options { get; }

    public BagOfWordsClassifier(ClassifierOptions options) : base(nameof(BagOfWordsClassifier))
    {
        Options = (options with { BagOfWords = true }).Validate();
        embedding = Embedding(options.VocabularySize, options.Embedding, padding_idx: options.PadIndex, sparse: options.SparseEmbedding);
        EmbeddingInit.Apply(embedding, options.EmbeddingInitStd, options.PadIndex);
        dropout = new GeneratorDropout(options.Dropout);
        head = Linear(options.Embedding, options.Classes);
        RegisterComponents();
        ParameterLifetime.OwnedByModule(this);
    }

    /// <summary>How many numbers the model learns.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>tokens [B, T] int64, lengths [B] int64 -> logits [B, classes].</summary>
    public override Tensor forward(Tensor tokens, Tensor lengths)
    {
        TokenBatchShape.Check(tokens, lengths);
        using var scope = NewDisposeScope();
        var mean = SequenceReadout.Mean(embedding.call(tokens), lengths);
        return head.call(dropout.call(mean)).MoveToOuterDisposeScope();
    }
}
