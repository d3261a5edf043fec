using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Models.Kernels;

/// <summary>
/// What a built-in recurrent layer computes, kept beside it because TorchSharp keeps some of it (the simple RNN's
/// nonlinearity) inside the native module where a kernel cannot read it. <see cref="Build"/> makes the layer from this
/// description, so the description is true of the layer by construction.
/// </summary>
internal sealed record RecurrentLayerSpec(CellKind Kind, int Input, int Hidden, int Layers = 1, bool Bidirectional = false,
    double LayerDropout = 0, bool BatchFirst = true, nn.NonLinearities Nonlinearity = nn.NonLinearities.Tanh)
{
    /// <summary>1, or 2 for a bidirectional layer.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>A fresh <c>nn.LSTM</c>, <c>nn.GRU</c> or <c>nn.RNN</c> as described (with biases).</summary>
    public nn.Module Build() => Kind switch
    {
        CellKind.Rnn => nn.RNN(Input, Hidden, Layers, Nonlinearity, batchFirst: BatchFirst, dropout: LayerDropout, bidirectional: Bidirectional),
        CellKind.Lstm => nn.LSTM(Input, Hidden, Layers, batchFirst: BatchFirst, dropout: LayerDropout, bidirectional: Bidirectional),
        CellKind.Gru => nn.GRU(Input, Hidden, Layers, batchFirst: BatchFirst, dropout: LayerDropout, bidirectional: Bidirectional),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown cell kind"),
    };
}
