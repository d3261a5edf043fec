namespace Lessons.Models.Kernels;

/// <summary>
/// What the packed GRU's forward pass keeps for its backward pass: on top of what every <see cref="KernelTape"/> keeps
/// (the states h and weight_hh), every row's gate activations and the hidden side of its candidate.
/// </summary>
sealed class GruTape(PackedLayout layout, bool reverse, int hidden)
    : KernelTape(layout, reverse, hidden, CellKinds.GateBlocks(CellKind.Gru), GruKernel.StateBlocks, layout.Rows * CellKinds.GateBlocks(CellKind.Gru) * hidden, layout.Rows * hidden)
{
    /// <summary>[rows, 3H]: sigmoid(r), sigmoid(z), tanh(n) of every packed row.</summary>
    public Span<float> Gates => Extra(0);

    /// <summary>[rows, H]: W_hn·h_prev + b_hn of every packed row, the part of the candidate the reset gate scales.</summary>
    public Span<float> HiddenCandidates => Extra(1);
}
