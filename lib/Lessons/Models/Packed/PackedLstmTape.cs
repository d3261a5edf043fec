using System.Buffers;

namespace Lessons.Models.Packed;

/// <summary>
/// What the packed LSTM's forward pass keeps for its backward pass: every row's gate activations (input, forget,
/// candidate, output) and states (h and c side by side), and the recurrent weights it used. The arrays come from the
/// shared pool and go back to it after the backward pass (or at once when no backward pass will follow).
/// </summary>
sealed class PackedLstmTape
{
    float[]? gates, states, weightHhT;

    public PackedLayout Layout { get; }
    public bool Reverse { get; }
    public int Hidden { get; }

    public PackedLstmTape(PackedLayout layout, bool reverse, int hiddenSize)
    {
        Layout = layout;
        Reverse = reverse;
        Hidden = hiddenSize;
        gates = ArrayPool<float>.Shared.Rent(layout.Rows * 4 * hiddenSize);
        states = ArrayPool<float>.Shared.Rent(layout.Rows * 2 * hiddenSize);
        weightHhT = ArrayPool<float>.Shared.Rent(4 * hiddenSize * hiddenSize);
    }

    /// <summary>[rows, 4H]: sigmoid(i), sigmoid(f), tanh(g), sigmoid(o) of every packed row.</summary>
    public Span<float> Gates => Live(gates).AsSpan(0, Layout.Rows * 4 * Hidden);

    /// <summary>[rows, 2H]: every packed row's hidden state h (the layer's output), then its cell state c.</summary>
    public Span<float> States => Live(states).AsSpan(0, Layout.Rows * 2 * Hidden);

    /// <summary>[H, 4H]: weight_hh transposed, so that one hidden unit's weights to all gates are contiguous.</summary>
    public Span<float> WeightHhT => Live(weightHhT).AsSpan(0, 4 * Hidden * Hidden);

    /// <summary>Gives the arrays back to the pool; the tape cannot be read afterwards.</summary>
    public void Release()
    {
        foreach (var array in new[] { gates, states, weightHhT })
            if (array is not null) ArrayPool<float>.Shared.Return(array);
        gates = states = weightHhT = null;
    }

    static float[] Live(float[]? array) => array ?? throw new InvalidOperationException(
        "the packed LSTM's saved activations were already used by a backward pass; backward through it twice (retain_graph) is not supported");
}
