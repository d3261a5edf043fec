namespace Lessons.Models;

/// <summary>Which recurrent layer the classifier uses.</summary>
public enum CellKind { Rnn, Lstm, Gru }

/// <summary>How the classifier turns the per-step outputs into one vector per headline (padding is always excluded).</summary>
public enum Readout { Final, Mean, Max }

/// <summary>
/// Everything that decides a classifier's shape. Saved in checkpoints; a checkpoint loads only into a
/// model built from equal options.
/// </summary>
public sealed record ClassifierOptions
{
    public CellKind Kind { get; init; } = CellKind.Lstm;
    public int VocabularySize { get; init; }
    public int Embedding { get; init; } = 64;
    public int Hidden { get; init; } = 32;
    public int Classes { get; init; } = 4;
    public int Layers { get; init; } = 1;
    public bool Bidirectional { get; init; }
    /// <summary>Feed the recurrent layer a PackedSequence (pack_padded_sequence, enforce_sorted: false) instead of the padded batch.</summary>
    public bool Packed { get; init; }
    public Readout Readout { get; init; } = Readout.Final;
    /// <summary>Dropout on the embeddings and before the final linear layer.</summary>
    public double Dropout { get; init; }
    /// <summary>Dropout between stacked recurrent layers (only when Layers &gt; 1).</summary>
    public double LayerDropout { get; init; }
    /// <summary>The vocabulary's &lt;pad&gt; index; its embedding stays zero.</summary>
    public int PadIndex { get; init; } = 1;
    /// <summary>Sparse embedding gradients (SparseAdam-friendly): the update touches only the rows a batch used.</summary>
    public bool SparseEmbedding { get; init; }
}
