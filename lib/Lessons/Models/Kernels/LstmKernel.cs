using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Lessons.Models.Kernels;

/// <summary>
/// The arithmetic of one LSTM layer, one direction, over a packed batch: forward and backward through time, on plain
/// float spans in PyTorch's layout (gate blocks input, forget, candidate, output). Only real tokens are computed:
/// step t touches the <c>BatchSizes[t]</c> sequences still running, never padding.
/// <code>
///   gates = x·W_ihᵀ + b_ih + b_hh  (given: one matrix product for all rows)  + h_prev·W_hhᵀ
///   i, f, o = σ(gates),  g = tanh(gates)
///   c = f ⊙ c_prev + i ⊙ g,   h = o ⊙ tanh(c)
/// </code>
/// Each row's states sit side by side in the tape: h at <c>row·2H</c>, c at <c>row·2H + H</c>. Both biases fold into
/// the input gates, so the kernel adds none itself.
/// </summary>
sealed class LstmKernel : IRecurrentKernel<LstmTape>
{
    LstmKernel() { }

    public static CellKind Kind => CellKind.Lstm;
    public static int StateBlocks => 2;
    public static bool AddsHiddenBias => false;
    public static LstmTape NewTape(PackedLayout layout, bool reverse, int hidden) => new(layout, reverse, hidden);

    /// <summary>
    /// Runs the direction over every step. <paramref name="inputGates"/> [rows, 4H] holds x·W_ihᵀ + biases; the tape
    /// receives the activated gates and the states of every row (the initial state is zero). No hidden bias.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot loops: optimised code from the first batch on
    public static void Forward(LstmTape tape, ReadOnlySpan<float> inputGates, ReadOnlySpan<float> hiddenBias)
    {
        var layout = tape.Layout;
        int h = tape.Hidden, g4 = 4 * h;
        Span<float> gates = tape.Gates, states = tape.States;
        ReadOnlySpan<float> weightHhT = tape.WeightHhT;
        foreach (int t in layout.StepOrder(tape.Reverse))
        {
            for (int r = 0; r < layout.BatchSizes[t]; r++)
            {
                int row = layout.Offsets[t] + r, previous = layout.Previous(t, r, tape.Reverse);
                var a = gates.Slice(row * g4, g4);
                inputGates.Slice(row * g4, g4).CopyTo(a);
                if (previous >= 0) VectorMatrix.MultiplyAdd(states.Slice(previous * 2 * h, h), weightHhT, a);   // a += h_prev · W_hhᵀ
                Span<float> i = a[..h], f = a.Slice(h, h), cand = a.Slice(2 * h, h), o = a.Slice(3 * h, h);
                TensorPrimitives.Sigmoid(a[..(2 * h)], a[..(2 * h)]);   // input and forget gates, side by side
                TensorPrimitives.Tanh(cand, cand);
                TensorPrimitives.Sigmoid(o, o);

                Span<float> hNew = states.Slice(row * 2 * h, h), c = states.Slice(row * 2 * h + h, h);
                TensorPrimitives.Multiply(i, cand, c);
                if (previous >= 0) TensorPrimitives.MultiplyAdd(f, states.Slice(previous * 2 * h + h, h), c, c);
                TensorPrimitives.Tanh(c, hNew);
                TensorPrimitives.Multiply(hNew, o, hNew);
            }
        }
    }

    /// <summary>
    /// Backpropagation through time. <paramref name="gradStates"/> [rows, 2H] is the gradient arriving at every row's
    /// h and c from outside (the layer's output, the final states); the result is the gradient of every row's gate
    /// pre-activations, written to <paramref name="gradGates"/> [rows, 4H]. That is the gradient of the input gates and,
    /// the biases being folded, of the hidden side too (<paramref name="gradHiddenGates"/> is the same span);
    /// W_hh's gradient is gradGatesᵀ · h_prev (see <see cref="KernelTape.PreviousHidden"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(LstmTape tape, ReadOnlySpan<float> gradStates, Span<float> gradGates, Span<float> gradHiddenGates)
    {
        var layout = tape.Layout;
        int h = tape.Hidden, g4 = 4 * h;
        ReadOnlySpan<float> gates = tape.Gates, states = tape.States, weightHh = tape.WeightHh;
        // What flows back into each sequence's h and c from the step after it (in reading order).
        var dh = new float[layout.Sequences * h];
        var dc = new float[layout.Sequences * h];
        Span<float> tanhC = stackalloc float[h];
        foreach (int t in layout.StepOrder(!tape.Reverse))
        {
            for (int r = 0; r < layout.BatchSizes[t]; r++)
            {
                int row = layout.Offsets[t] + r, previous = layout.Previous(t, r, tape.Reverse);
                Span<float> dhr = dh.AsSpan(r * h, h), dcr = dc.AsSpan(r * h, h);
                TensorPrimitives.Add(dhr, gradStates.Slice(row * 2 * h, h), dhr);
                TensorPrimitives.Add(dcr, gradStates.Slice(row * 2 * h + h, h), dcr);

                var a = gates.Slice(row * g4, g4);
                ReadOnlySpan<float> i = a[..h], f = a.Slice(h, h), cand = a.Slice(2 * h, h), o = a.Slice(3 * h, h);
                TensorPrimitives.Tanh(states.Slice(row * 2 * h + h, h), tanhC);
                var cPrevious = previous >= 0 ? states.Slice(previous * 2 * h + h, h) : default;
                var da = gradGates.Slice(row * g4, g4);
                for (int j = 0; j < h; j++)
                {
                    float dOut = dhr[j] * tanhC[j];                                           // h = o ⊙ tanh(c)
                    float dCell = dcr[j] + dhr[j] * o[j] * (1 - tanhC[j] * tanhC[j]);
                    da[j] = dCell * cand[j] * i[j] * (1 - i[j]);                              // input gate, through σ
                    da[h + j] = previous >= 0 ? dCell * cPrevious[j] * f[j] * (1 - f[j]) : 0; // forget gate
                    da[2 * h + j] = dCell * i[j] * (1 - cand[j] * cand[j]);                   // candidate, through tanh
                    da[3 * h + j] = dOut * o[j] * (1 - o[j]);                                 // output gate
                    dcr[j] = dCell * f[j];                                                    // into c_prev
                }
                dhr.Clear();
                VectorMatrix.MultiplyAdd(da, weightHh, dhr);   // into h_prev: da · W_hh
            }
        }
    }
}
