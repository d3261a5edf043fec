using Lessons.Models.Kernels;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using PackedSequence = TorchSharp.torch.nn.utils.rnn.PackedSequence;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Models;

/// <summary>
/// The lesson's text classifier: embedding -> recurrent layer (RNN, LSTM or GRU; 1..N layers; one or both
/// directions; padded or packed input) -> readout over the real tokens -> linear layer to class logits.
/// <para>
/// Padded input and the final state. The forward direction's "final state" is taken at each row's last real token
/// (gathered by length), never after the padding, so appending pads changes nothing. The backward direction of a
/// bidirectional layer has no such fix on padded input: it starts at the end of the padded row and reads the pads
/// before the real tokens, so its state (and every output it writes) depends on how much padding the row got. That is
/// the reason packing exists: with <see cref="ClassifierOptions.Packed"/> the layer sees each row's real tokens only,
/// in both directions, and every readout is exact.
/// </para>
/// </summary>
public sealed class RecurrentClassifier : Module<Tensor, Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly GeneratorDropout embeddingDropout;
    readonly Module recurrent;
    readonly RecurrentLayerSpec layer;
    readonly GeneratorDropout layerDropout;
    readonly GeneratorDropout outputDropout;
    readonly Linear head;

    public ClassifierOptions Options { get; }

    /// <summary>1, or 2 for a bidirectional layer.</summary>
    public int Directions => Options.Bidirectional ? 2 : 1;

    /// <summary>Width of the vector the readout hands to the linear layer: directions x hidden (twice that for max-and-mean).</summary>
    public int Features => SequenceReadout.Width(Options.Readout) * Directions * Options.Hidden;

    public Embedding Embedding => embedding;

    public RecurrentClassifier(ClassifierOptions options) : base(nameof(RecurrentClassifier))
    {
        Options = options.Validate();
        if (options.BagOfWords)
            throw new ArgumentException($"these options describe a bag of words (BagOfWords = true): build a {nameof(BagOfWordsClassifier)}", nameof(options));
        embedding = Embedding(options.VocabularySize, options.Embedding, padding_idx: options.PadIndex, sparse: options.SparseEmbedding);
        EmbeddingInit.Apply(embedding, options.EmbeddingInitStd, options.PadIndex);
        embeddingDropout = new GeneratorDropout(options.Dropout);
        double between = options.Layers > 1 ? options.LayerDropout : 0;
        layer = new RecurrentLayerSpec(options.Kind, options.Embedding, options.Hidden, options.Layers, options.Bidirectional, between);
        recurrent = layer.Build();
        layerDropout = new GeneratorDropout(between);
        ForgetGateBias.Apply(recurrent, options.Kind, options.Hidden, options.ForgetBias);
        outputDropout = new GeneratorDropout(options.Dropout);
        head = Linear(Features, options.Classes);
        RegisterComponents();
        ParameterLifetime.OwnedByModule(this);
    }

    /// <summary>How many numbers the model learns.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>The parameters of the recurrent layer alone (what uni/bi and 1/2 layers change).</summary>
    internal long RecurrentParameterCount => recurrent.parameters().Sum(p => p.numel());

    /// <summary>
    /// What computes the recurrent layer on the model's current device: <see cref="RecurrentEngine.Kit"/> or
    /// <see cref="RecurrentEngine.LibTorch"/> (see <see cref="ClassifierOptions.Engine"/>).
    /// </summary>
    public RecurrentEngine Engine => RecurrentKernels.Choose(Options.Engine, layer, Options.Packed, head.weight!.device_type, head.weight!.dtype);

    /// <summary>
    /// True when LibTorch runs a stacked layer with dropout between its layers: LibTorch draws those masks inside the
    /// layer, from the process-wide generator (the kit's kernels draw them from the trainer's, see
    /// <see cref="Training.TrainingRandomness"/>).
    /// </summary>
    internal bool DrawsFromProcessGenerator => layer.LayerDropout > 0 && Engine == RecurrentEngine.LibTorch;

    /// <summary>
    /// One line for a notebook or the console: the model's name (<see cref="ClassifierOptions.Name"/>) and what it is
    /// made of, e.g. "BiGRU: padded, final-state readout, 614 parameters, on the kit's kernels".
    /// </summary>
    public string Describe() => Lessons.Localization.KitLanguage.Words.Format(
        Engine == RecurrentEngine.Kit ? "model.describe-kit" : "model.describe-libtorch",
        Options.Name(),
        Lessons.Localization.KitLanguage.Words.Text(Options.Packed ? "model.packed" : "model.padded"),
        Lessons.Localization.KitLanguage.Words.Text(Options.Readout switch
        {
            Readout.Final => "model.readout-final",
            Readout.Mean => "model.readout-mean",
            Readout.MaxMean => "model.readout-max-mean",
            _ => "model.readout-max",
        }),
        ParameterCount);

    /// <summary>tokens [B, T] int64 padded with PadIndex, lengths [B] int64 (1..T) -> logits [B, classes].</summary>
    public override Tensor forward(Tensor tokens, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var features = Encode(tokens, lengths);
        return head.call(outputDropout.call(features)).MoveToOuterDisposeScope();
    }

    /// <summary>The readout vector [B, directions x hidden] the linear layer classifies.</summary>
    public Tensor Encode(Tensor tokens, Tensor lengths)
    {
        var run = Run(tokens, lengths);
        int hidden = Options.Hidden;
        if (Options.Readout != Readout.Final) return SequenceReadout.Apply(Options.Readout, run.Output, lengths);
        if (Options.Packed)
        {
            // h_n comes back in the original batch order; the top layer's directions are its last `Directions` rows.
            return Directions == 1 ? run.HiddenN[-1] : cat([run.HiddenN[-2], run.HiddenN[-1]], 1);
        }
        var forwardFinal = SequenceReadout.Last(Directions == 1 ? run.Output : run.Output[.., .., ..hidden], lengths);
        if (Directions == 1) return forwardFinal;
        // The backward direction ends at step 0, after reading the row's pads and then its real tokens (see the class remarks).
        return cat([forwardFinal, run.Output[.., 0, hidden..]], 1);
    }

    /// <summary>Embeds the tokens and runs the recurrent layer over them (packed or padded, as the options say).</summary>
    public RecurrentRun Run(Tensor tokens, Tensor lengths)
    {
        TokenBatchShape.Check(tokens, lengths);
        var embedded = embeddingDropout.call(embedding.call(tokens));
        // The engine the options ask for (Auto: the kit's kernels where they serve exactly and beat LibTorch; same
        // results, see RecurrentKernels); otherwise the built-in layer runs.
        if (RecurrentKernels.Choose(Options.Engine, layer, Options.Packed, embedded.device_type, embedded.dtype) == RecurrentEngine.Kit)
            return RecurrentKernels.Run(recurrent, layer, embedded, Options.Packed ? lengths : null, layerDropout);
        if (!Options.Packed)
        {
            return recurrent switch
            {
                LSTM lstm => Lstm(lstm.call(embedded)),
                GRU gru => Pair(gru.call(embedded)),
                RNN rnn => Pair(rnn.call(embedded)),
                _ => throw new InvalidOperationException("unexpected recurrent layer"),
            };
        }

        // pack_padded_sequence wants the lengths on the CPU; enforce_sorted: false sorts inside and restores the order.
        using var packed = Rnn.pack_padded_sequence(embedded, lengths.cpu(), batch_first: true, enforce_sorted: false);
        long steps = tokens.shape[1];
        Tensor Unpack(PackedSequence output)
        {
            using (output) return Rnn.pad_packed_sequence(output, batch_first: true, total_length: steps).Item1;
        }
        switch (recurrent)
        {
            case LSTM lstm:
                var (lstmOut, h, c) = lstm.call(packed);
                return new RecurrentRun(Unpack(lstmOut), h, c);
            case GRU gru:
                var (gruOut, gruH) = gru.call(packed);
                return new RecurrentRun(Unpack(gruOut), gruH, null);
            case RNN rnn:
                var (rnnOut, rnnH) = rnn.call(packed);
                return new RecurrentRun(Unpack(rnnOut), rnnH, null);
            default:
                throw new InvalidOperationException("unexpected recurrent layer");
        }

        static RecurrentRun Lstm((Tensor output, Tensor h, Tensor c) r) => new(r.output, r.h, r.c);
        static RecurrentRun Pair((Tensor output, Tensor h) r) => new(r.output, r.h, null);
    }

    /// <summary>
    /// The built-in layer's weights for one layer and direction, in PyTorch's layout: weight_ih [gates x hidden, input],
    /// weight_hh [gates x hidden, hidden], bias_ih and bias_hh [gates x hidden]. What the hand-written cells load.
    /// </summary>
    public BuiltInWeights LayerWeights(int layer = 0, bool reverse = false) => BuiltInWeights.Of(recurrent, layer, reverse);
}
