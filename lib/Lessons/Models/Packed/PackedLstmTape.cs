namespace Lessons.Models.Packed;

/// <summary>
/// What the packed LSTM's forward pass keeps for its backward pass: on top of what every <see cref="PackedTape"/> keeps
/// (the states, h and c side by side, and weight_hh), every row's gate activations.
/// </summary>
sealed class PackedLstmTape(PackedLayout layout, bool reverse, int hidden)
    : PackedTape(layout, reverse, hidden, PackedLstmKernel.GateBlocks, PackedLstmKernel.StateBlocks, layout.Rows * 4 * hidden)
{
    /// <summary>[rows, 4H]: sigmoid(i), sigmoid(f), tanh(g), sigmoid(o) of every packed row.</summary>
    public Span<float> Gates => Extra(0);
}
