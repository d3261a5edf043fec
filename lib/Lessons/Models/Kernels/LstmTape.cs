namespace Lessons.Models.Kernels;

/// <summary>
/// What the packed LSTM's forward pass keeps for its backward pass: on top of what every <see cref="KernelTape"/> keeps
/// (the states, h and c side by side, and weight_hh), every row's gate activations.
/// </summary>
sealed class LstmTape(PackedLayout layout, bool reverse, int hidden)
    : KernelTape(layout, reverse, hidden, CellKinds.GateBlocks(CellKind.Lstm), LstmKernel.StateBlocks, layout.Rows * CellKinds.GateBlocks(CellKind.Lstm) * hidden)
{
    /// <summary>[rows, 4H]: sigmoid(i), sigmoid(f), tanh(g), sigmoid(o) of every packed row.</summary>
    public Span<float> Gates => Extra(0);
}
