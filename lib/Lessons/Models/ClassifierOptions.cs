namespace Lessons.Models;

/// <summary>
/// Everything that decides a classifier's shape. Saved in checkpoints; a checkpoint loads only into a
/// model built from equal options.
/// </summary>
public sealed record ClassifierOptions
{
    /// <summary>The recurrent cell (unused by the bag of words).</summary>
    public CellKind Kind { get; init; } = CellKind.Lstm;
    /// <summary>
    /// No recurrent layer: the mean of the headline's embeddings read by a linear layer (<see cref="BagOfWordsClassifier"/>).
    /// Kind, Hidden, Layers, Bidirectional, Packed, Readout, LayerDropout, ForgetBias and Engine are then unused.
    /// </summary>
    public bool BagOfWords { get; init; }
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
    /// <summary>
    /// Standard deviation of the embedding's initial N(0, std) weights. 1 is PyTorch's default; a smaller start keeps
    /// rare words' vectors small so a max-over-time readout cannot latch onto them.
    /// </summary>
    public double EmbeddingInitStd { get; init; } = 1.0;
    /// <summary>
    /// Starting bias of the gate that keeps the state: the LSTM's forget gate and the GRU's update gate (0 = PyTorch's
    /// start, a uniform draw around 0, so the gate starts near 0.5 and the state halves at every step). With bias b the
    /// gate starts at sigmoid(b) and the state's memory spans about 1 + e^b steps (b = 1: 3.7; b = 5: 150), which is
    /// what lets the gradient reach a word far back before training has taught the gate to hold. The simple RNN has
    /// no gate and ignores it. See <see cref="ForgetGateBias"/>.
    /// </summary>
    public double ForgetBias { get; init; }
    /// <summary>The vocabulary's &lt;pad&gt; index; its embedding stays zero.</summary>
    public int PadIndex { get; init; } = 1;
    /// <summary>Sparse embedding gradients (SparseAdam-friendly): the update touches only the rows a batch used.</summary>
    public bool SparseEmbedding { get; init; }
    /// <summary>
    /// What computes the recurrent layer: Auto (the kit's kernels where they serve exactly and are faster, LibTorch
    /// otherwise), Kit or LibTorch. The results are the same to 1e-5; only the speed differs, so checkpoints ignore it.
    /// </summary>
    public RecurrentEngine Engine { get; init; }

    /// <summary>
    /// The lesson's choices for a kind: embedding 64, hidden 32, 4 classes, one unidirectional layer on the padded
    /// batch; the simple RNN reads the mean of its outputs over the real tokens, LSTM and GRU their final hidden state.
    /// </summary>
    public static ClassifierOptions For(CellKind kind, int vocabularySize) => new()
    {
        Kind = kind,
        VocabularySize = vocabularySize,
        Readout = kind == CellKind.Rnn ? Readout.Mean : Readout.Final,
    };

    /// <summary>
    /// The model's short name in the kit's language, the one every table, chart legend and console line uses: "LSTM",
    /// "BiGRU", "LSTM, 2 layers", "packed BiLSTM", "bag of words" ("paketlenmiş BiLSTM" in Turkish).
    /// </summary>
    public string Name()
    {
        var words = Localization.KitLanguage.Words;
        if (BagOfWords) return words.Text("variant.bag-of-words");
        string cell = (Bidirectional ? "Bi" : "") + CellKinds.Name(Kind).ToUpperInvariant();
        string name = Packed ? words.Format("variant.packed", cell) : cell;
        return Layers > 1 ? words.Format("variant.layers", name, Layers) : name;
    }

    /// <summary>Throws a clear error when a size or rate is out of range; returns the options otherwise.</summary>
    public ClassifierOptions Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new ArgumentException($"invalid classifier options: {message}");
        }
        Require(Enum.IsDefined(Kind), $"unknown kind {Kind}");
        Require(Enum.IsDefined(Readout), $"unknown readout {Readout}");
        Require(Enum.IsDefined(Engine), $"unknown engine {Engine}");
        Require(VocabularySize > 0, $"VocabularySize must be positive (got {VocabularySize})");
        Require(Embedding > 0, $"Embedding must be positive (got {Embedding})");
        Require(Hidden > 0, $"Hidden must be positive (got {Hidden})");
        Require(Classes > 1, $"Classes must be at least 2 (got {Classes})");
        Require(Layers >= 1, $"Layers must be at least 1 (got {Layers})");
        Require(Dropout is >= 0 and < 1, $"Dropout must be in [0, 1) (got {Dropout})");
        Require(LayerDropout is >= 0 and < 1, $"LayerDropout must be in [0, 1) (got {LayerDropout})");
        Require(EmbeddingInitStd > 0, $"EmbeddingInitStd must be positive (got {EmbeddingInitStd})");
        Require(double.IsFinite(ForgetBias), $"ForgetBias must be a finite number (got {ForgetBias})");
        Require(PadIndex >= 0 && PadIndex < VocabularySize, $"PadIndex {PadIndex} is outside the vocabulary (size {VocabularySize})");
        return this;
    }
}
