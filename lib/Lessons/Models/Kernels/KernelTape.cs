using System.Buffers;

namespace Lessons.Models.Kernels;

/// <summary>
/// What a packed kernel's forward pass keeps for its backward pass: every row's states (h first, then whatever else the
/// cell carries, e.g. the LSTM's c), the recurrent weights it used (both ways round: the forward pass reads them by
/// hidden unit, the backward pass by gate), and the kernel's own extras (a subclass names them).
/// The arrays come from the shared pool and go back to it after the backward pass (or at once when no backward pass will
/// follow).
/// </summary>
class KernelTape
{
    const int StatesSlot = 0, WeightTransposedSlot = 1, WeightSlot = 2, FirstExtraSlot = 3;
    readonly float[]?[] arrays;
    readonly int[] lengths;

    public PackedLayout Layout { get; }
    public bool Reverse { get; }
    public int Hidden { get; }

    /// <summary>Floats per row in <see cref="States"/>: state blocks x H (h, or h and c).</summary>
    public int StateWidth { get; }

    /// <summary>Rows of weight_hh: gate blocks x H.</summary>
    public int GateWidth { get; }

    /// <param name="extraLengths">The sizes of the kernel's own arrays, read back with <see cref="Extra"/>.</param>
    public KernelTape(PackedLayout layout, bool reverse, int hidden, int gateBlocks, int stateBlocks, params int[] extraLengths)
    {
        Layout = layout;
        Reverse = reverse;
        Hidden = hidden;
        StateWidth = stateBlocks * hidden;
        GateWidth = gateBlocks * hidden;
        lengths = [layout.Rows * StateWidth, hidden * GateWidth, GateWidth * hidden, .. extraLengths];
        arrays = [.. lengths.Select(ArrayPool<float>.Shared.Rent)];
    }

    /// <summary>[rows, state blocks x H]: every packed row's states, h (the layer's output) first.</summary>
    public Span<float> States => Slot(StatesSlot);

    /// <summary>[H, gate blocks x H]: weight_hh transposed, so that one hidden unit's weights to all gates are contiguous.</summary>
    public Span<float> WeightHhT => Slot(WeightTransposedSlot);

    /// <summary>[gate blocks x H, H]: weight_hh as it is, so that one gate's weights from all hidden units are contiguous.</summary>
    public Span<float> WeightHh => Slot(WeightSlot);

    /// <summary>The kernel's own array number <paramref name="index"/> (in the order of the constructor's extra lengths).</summary>
    protected Span<float> Extra(int index) => Slot(FirstExtraSlot + index);

    /// <summary>[rows, H]: the hidden state each row started from (zero where the direction starts a sequence).</summary>
    public void PreviousHidden(Span<float> destination)
    {
        ReadOnlySpan<float> states = States;
        for (int t = 0; t < Layout.Steps; t++)
            for (int r = 0; r < Layout.BatchSizes[t]; r++)
            {
                int row = Layout.Offsets[t] + r, previous = Layout.Previous(t, r, Reverse);
                var target = destination.Slice(row * Hidden, Hidden);
                if (previous >= 0) states.Slice(previous * StateWidth, Hidden).CopyTo(target);
                else target.Clear();
            }
    }

    /// <summary>Gives the arrays back to the pool; the tape cannot be read afterwards.</summary>
    public void Release()
    {
        for (int i = 0; i < arrays.Length; i++)
        {
            if (arrays[i] is { } array) ArrayPool<float>.Shared.Return(array);
            arrays[i] = null;
        }
    }

    Span<float> Slot(int index) => (arrays[index] ?? throw new InvalidOperationException(
        "a packed kernel's saved activations were already used by a backward pass; backward through it twice (retain_graph) is not supported"))
        .AsSpan(0, lengths[index]);
}
