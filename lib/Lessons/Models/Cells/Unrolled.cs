using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// A cell run over a batch by <see cref="Unroller"/>. Every per-step tensor is indexed by the token's original
/// position, also for the backward direction, and is zero at padding positions.
/// </summary>
/// <param name="Hidden">[B, T, hidden]: the state after reading the token at position t.</param>
/// <param name="Final">The state after each row's last token read: position lengths[b] - 1 forward, position 0 backward.</param>
/// <param name="Gates">Each gate's activation [B, T, hidden] (for the LSTM also "cell", the cell state); empty for the RNN.</param>
/// <param name="Backward">True when the cell read each row's real tokens last to first.</param>
public sealed record Unrolled(Tensor Hidden, CellState Final, IReadOnlyDictionary<string, Tensor> Gates, bool Backward)
{
    /// <summary>The direction's name in the kit's language (<see cref="TraceNames.Direction"/>).</summary>
    public string Direction => TraceNames.Direction(Backward);
}
