using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Lessons.Models.Kernels;

/// <summary>
/// The arithmetic of one simple (Elman, tanh) RNN layer, one direction, over a packed batch: forward and backward through
/// time on plain float spans. Step t touches the <c>BatchSizes[t]</c> sequences still running.
/// <code>
///   h = tanh(x·W_ihᵀ + b_ih + b_hh  (given: one matrix product for all rows)  + h_prev·W_hhᵀ)
/// </code>
/// Both biases fold into the input projection; the tape needs nothing but the states (tanh' = 1 − h²).
/// </summary>
sealed class RnnKernel : IRecurrentKernel<KernelTape>
{
    RnnKernel() { }

    public static CellKind Kind => CellKind.Rnn;
    public static int StateBlocks => 1;
    public static bool AddsHiddenBias => false;
    public static KernelTape NewTape(PackedLayout layout, bool reverse, int hidden) => new(layout, reverse, hidden, CellKinds.GateBlocks(Kind), StateBlocks);

    /// <summary>
    /// Runs the direction over every step. <paramref name="inputGates"/> [rows, H] holds x·W_ihᵀ + both biases; the
    /// tape receives the states of every row (the initial state is zero). No hidden bias.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot loops: optimised code from the first batch on
    public static void Forward(KernelTape tape, ReadOnlySpan<float> inputGates, ReadOnlySpan<float> hiddenBias)
    {
        var layout = tape.Layout;
        int h = tape.Hidden;
        Span<float> states = tape.States;
        ReadOnlySpan<float> weightHhT = tape.WeightHhT;
        foreach (int t in layout.StepOrder(tape.Reverse))
        {
            for (int r = 0; r < layout.BatchSizes[t]; r++)
            {
                int row = layout.Offsets[t] + r, previous = layout.Previous(t, r, tape.Reverse);
                var a = states.Slice(row * h, h);
                inputGates.Slice(row * h, h).CopyTo(a);
                if (previous >= 0) VectorMatrix.MultiplyAdd(states.Slice(previous * h, h), weightHhT, a);   // a += h_prev · W_hhᵀ
                TensorPrimitives.Tanh(a, a);
            }
        }
    }

    /// <summary>
    /// Backpropagation through time. <paramref name="gradStates"/> [rows, H] is the gradient arriving at every row's
    /// h from outside; the result is the gradient of every row's pre-activation, written to <paramref name="gradGates"/>
    /// [rows, H]. The biases being folded, that is the hidden side's gradient too (<paramref name="gradHiddenGates"/>
    /// is the same span).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(KernelTape tape, ReadOnlySpan<float> gradStates, Span<float> gradGates, Span<float> gradHiddenGates)
    {
        var layout = tape.Layout;
        int h = tape.Hidden;
        ReadOnlySpan<float> states = tape.States, weightHh = tape.WeightHh;
        // What flows back into each sequence's h from the step after it (in reading order).
        var dh = new float[layout.Sequences * h];
        foreach (int t in layout.StepOrder(!tape.Reverse))
        {
            for (int r = 0; r < layout.BatchSizes[t]; r++)
            {
                int row = layout.Offsets[t] + r;
                Span<float> dhr = dh.AsSpan(r * h, h);
                var hNew = states.Slice(row * h, h);
                var da = gradGates.Slice(row * h, h);
                for (int j = 0; j < h; j++) da[j] = (dhr[j] + gradStates[row * h + j]) * (1 - hNew[j] * hNew[j]);   // through tanh
                dhr.Clear();
                VectorMatrix.MultiplyAdd(da, weightHh, dhr);   // into h_prev: da · W_hh
            }
        }
    }
}
