using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Lessons.Models.Kernels;

/// <summary>
/// The arithmetic of one GRU layer, one direction, over a packed batch: forward and backward through time, on plain
/// float spans in PyTorch's layout (gate blocks reset, update, candidate). Step t touches the <c>BatchSizes[t]</c>
/// sequences still running.
/// <code>
///   gi = x·W_ihᵀ + b_ih  (given: one matrix product for all rows),   gh = h_prev·W_hhᵀ + b_hh
///   r = σ(gi_r + gh_r),  z = σ(gi_z + gh_z),  n = tanh(gi_n + r ⊙ gh_n)
///   h = (1 − z) ⊙ n + z ⊙ h_prev
/// </code>
/// b_hh stays out of the input projection because b_hn sits inside r ⊙ (...): the kernel adds it to gh itself.
/// </summary>
sealed class GruKernel : IRecurrentKernel<GruTape>
{
    GruKernel() { }

    public static CellKind Kind => CellKind.Gru;
    public static int StateBlocks => 1;
    public static bool AddsHiddenBias => true;
    public static GruTape NewTape(PackedLayout layout, bool reverse, int hidden) => new(layout, reverse, hidden);

    /// <summary>
    /// Runs the direction over every step. <paramref name="inputGates"/> [rows, 3H] holds x·W_ihᵀ + b_ih,
    /// <paramref name="hiddenBias"/> [3H] is b_hh; the tape receives the activated gates, the hidden side of the
    /// candidates and the states of every row (the initial state is zero).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot loops: optimised code from the first batch on
    public static void Forward(GruTape tape, ReadOnlySpan<float> inputGates, ReadOnlySpan<float> hiddenBias)
    {
        var layout = tape.Layout;
        int h = tape.Hidden, g3 = 3 * h;
        Span<float> gates = tape.Gates, candidates = tape.HiddenCandidates, states = tape.States;
        ReadOnlySpan<float> weightHhT = tape.WeightHhT;
        Span<float> gh = new float[g3];
        foreach (int t in layout.StepOrder(tape.Reverse))
        {
            for (int r = 0; r < layout.BatchSizes[t]; r++)
            {
                int row = layout.Offsets[t] + r, previous = layout.Previous(t, r, tape.Reverse);
                var hPrevious = previous >= 0 ? states.Slice(previous * h, h) : default;
                hiddenBias.CopyTo(gh);
                if (previous >= 0) VectorMatrix.MultiplyAdd(hPrevious, weightHhT, gh);   // gh = b_hh + h_prev · W_hhᵀ

                var gi = inputGates.Slice(row * g3, g3);
                var a = gates.Slice(row * g3, g3);
                Span<float> reset = a[..h], update = a.Slice(h, h), cand = a.Slice(2 * h, h);
                TensorPrimitives.Add(gi[..(2 * h)], gh[..(2 * h)], a[..(2 * h)]);   // reset and update, side by side
                TensorPrimitives.Sigmoid(a[..(2 * h)], a[..(2 * h)]);
                var hiddenCandidate = candidates.Slice(row * h, h);
                gh.Slice(2 * h, h).CopyTo(hiddenCandidate);
                TensorPrimitives.MultiplyAdd(reset, hiddenCandidate, gi.Slice(2 * h, h), cand);
                TensorPrimitives.Tanh(cand, cand);

                var hNew = states.Slice(row * h, h);
                if (previous >= 0)
                {
                    TensorPrimitives.Subtract(hPrevious, cand, hNew);          // n + z ⊙ (h_prev − n)
                    TensorPrimitives.MultiplyAdd(hNew, update, cand, hNew);
                }
                else
                {
                    TensorPrimitives.Multiply(update, cand, hNew);             // (1 − z) ⊙ n
                    TensorPrimitives.Subtract(cand, hNew, hNew);
                }
            }
        }
    }

    /// <summary>
    /// Backpropagation through time. <paramref name="gradStates"/> [rows, H] is the gradient arriving at every row's
    /// h from outside (the layer's output, the final state). Writes every row's gate pre-activation gradients as the
    /// input side sees them to <paramref name="gradGates"/> [rows, 3H] (reset, update, candidate) and as the hidden side
    /// sees them to <paramref name="gradHiddenGates"/> [rows, 3H]: the same but for the candidate, which reaches
    /// W_hn·h_prev + b_hn through the reset gate (r ⊙ ...).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(GruTape tape, ReadOnlySpan<float> gradStates, Span<float> gradGates, Span<float> gradHiddenGates)
    {
        var layout = tape.Layout;
        int h = tape.Hidden, g3 = 3 * h;
        ReadOnlySpan<float> gates = tape.Gates, candidates = tape.HiddenCandidates, states = tape.States, weightHh = tape.WeightHh;
        // What flows back into each sequence's h from the step after it (in reading order).
        var dh = new float[layout.Sequences * h];
        foreach (int t in layout.StepOrder(!tape.Reverse))
        {
            for (int r = 0; r < layout.BatchSizes[t]; r++)
            {
                int row = layout.Offsets[t] + r, previous = layout.Previous(t, r, tape.Reverse);
                Span<float> dhr = dh.AsSpan(r * h, h);
                TensorPrimitives.Add(dhr, gradStates.Slice(row * h, h), dhr);

                var a = gates.Slice(row * g3, g3);
                ReadOnlySpan<float> reset = a[..h], update = a.Slice(h, h), cand = a.Slice(2 * h, h);
                var hiddenCandidate = candidates.Slice(row * h, h);
                var hPrevious = previous >= 0 ? states.Slice(previous * h, h) : default;
                Span<float> dInput = gradGates.Slice(row * g3, g3), dHidden = gradHiddenGates.Slice(row * g3, g3);
                for (int j = 0; j < h; j++)
                {
                    float hp = previous >= 0 ? hPrevious[j] : 0;
                    float dCand = dhr[j] * (1 - update[j]) * (1 - cand[j] * cand[j]);          // h = (1 − z) ⊙ n + ..., n through tanh
                    float dUpdate = dhr[j] * (hp - cand[j]) * update[j] * (1 - update[j]);    // z through σ
                    float dReset = dCand * hiddenCandidate[j] * reset[j] * (1 - reset[j]);     // r through σ
                    dInput[j] = dHidden[j] = dReset;
                    dInput[h + j] = dHidden[h + j] = dUpdate;
                    dInput[2 * h + j] = dCand;
                    dHidden[2 * h + j] = dCand * reset[j];
                    dhr[j] *= update[j];                                                      // into h_prev directly: z ⊙ h_prev
                }
                VectorMatrix.MultiplyAdd(dHidden, weightHh, dhr);   // into h_prev through the gates: dHidden · W_hh
            }
        }
    }
}
