namespace Lessons.Models.Kernels;

/// <summary>
/// The arithmetic of one recurrent cell kind over a packed batch, one layer and one direction, forward and backward
/// through time, on plain float spans in PyTorch's layout. <see cref="RecurrentKernelFunction{TKernel, TTape}"/> turns a
/// kernel into an autograd node; the members are static because a kernel holds no state of its own (the tape does).
/// </summary>
/// <typeparam name="TTape">What the kernel's forward pass keeps for its backward pass.</typeparam>
interface IRecurrentKernel<TTape> where TTape : KernelTape
{
    /// <summary>The cell kind the kernel computes; its gate count is <see cref="CellKinds.GateBlocks"/>.</summary>
    static abstract CellKind Kind { get; }

    /// <summary>States per row, h first (LSTM 2: h and c; GRU and RNN 1).</summary>
    static abstract int StateBlocks { get; }

    /// <summary>
    /// True when bias_hh cannot join bias_ih in the input projection and the kernel adds it to h_prev·W_hhᵀ itself
    /// (GRU: b_hn sits inside r ⊙ (W_hn h + b_hn)). Then the gradient of the hidden side differs from the input side's.
    /// </summary>
    static abstract bool AddsHiddenBias { get; }

    /// <summary>A fresh tape for one forward pass.</summary>
    static abstract TTape NewTape(PackedLayout layout, bool reverse, int hidden);

    /// <summary>
    /// Runs the direction over every step (the initial state is zero). <paramref name="inputGates"/> [rows, gates x H]
    /// holds x·W_ihᵀ + bias_ih (+ bias_hh unless <see cref="AddsHiddenBias"/>); <paramref name="hiddenBias"/> is bias_hh
    /// when <see cref="AddsHiddenBias"/>, else empty. The tape receives the states of every row and what backward needs.
    /// </summary>
    static abstract void Forward(TTape tape, ReadOnlySpan<float> inputGates, ReadOnlySpan<float> hiddenBias);

    /// <summary>
    /// Backpropagation through time. <paramref name="gradStates"/> [rows, state blocks x H] is the gradient arriving at
    /// every row's states from outside (the layer's output, the final states). Writes the gradient of every row's gate
    /// pre-activations on the input side (x·W_ihᵀ + biases) to <paramref name="gradGates"/> and on the hidden side
    /// (h_prev·W_hhᵀ, + bias_hh if the kernel adds it) to <paramref name="gradHiddenGates"/>, both [rows, gates x H];
    /// W_hh's gradient is gradHiddenGatesᵀ · h_prev (see <see cref="KernelTape.PreviousHidden"/>). When
    /// <see cref="AddsHiddenBias"/> is false the two sides are equal and both arguments are the same span.
    /// </summary>
    static abstract void Backward(TTape tape, ReadOnlySpan<float> gradStates, Span<float> gradGates, Span<float> gradHiddenGates);
}
