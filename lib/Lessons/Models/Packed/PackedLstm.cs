using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Models.Packed;

/// <summary>
/// Runs a built-in <c>nn.LSTM</c> (batch-first, zero initial state) over a padded batch the packed way, with the
/// kit's <see cref="PackedLstmKernel"/> instead of LibTorch's CPU path for PackedSequence: the batch goes through
/// <c>pack_padded_sequence(..., enforce_sorted: false)</c>, each layer and direction reads only the real tokens, and
/// the results equal <c>lstm.call(packed)</c> (tests hold outputs, states and gradients to 1e-5).
/// <para>
/// Why: on a CPU LibTorch runs a PackedSequence one small operation at a time (a matrix product, four activations,
/// the cell update, for every step), and autograd records each of them; that made the packed LSTM train 4 times
/// slower than the padded one. The kernel does the same arithmetic in one pass per direction, and the input
/// projection of all tokens as one matrix product.
/// </para>
/// </summary>
public static class PackedLstm
{
    /// <summary>The kernel serves float32 input on the CPU; anything else goes through the built-in layer.</summary>
    public static bool Serves(Tensor input) => input.device_type == DeviceType.CPU && input.dtype == ScalarType.Float32;

    /// <summary>
    /// input [B, T, E] (padded, batch-first), lengths [B] -> output [B, T, directions x H] (zero at padding),
    /// h_n and c_n [layers x directions, B, H] in the caller's row order, exactly as the built-in layer returns them
    /// for packed input. <paramref name="layerDropout"/> applies between layers while the layer is training.
    /// </summary>
    public static RecurrentRun Run(LSTM lstm, Tensor input, Tensor lengths, int layers, bool bidirectional, double layerDropout)
    {
        using var scope = NewDisposeScope();
        using var packed = Rnn.pack_padded_sequence(input, lengths.cpu(), batch_first: true, enforce_sorted: false);
        var layout = PackedLayout.Of(packed.batch_sizes);
        var x = packed.data;
        var lastHidden = new List<Tensor>();
        var lastCell = new List<Tensor>();
        for (int layer = 0; layer < layers; layer++)
        {
            var directions = new List<Tensor>();
            foreach (bool reverse in bidirectional ? new[] { false, true } : [false])
            {
                var w = BuiltInWeights.Of(lstm, layer, reverse);
                int hidden = (int)w.WeightHh.shape[1];
                var inputGates = addmm(w.BiasIh + w.BiasHh, x, w.WeightIh.t(), beta: 1, alpha: 1);   // every token's x·W_ihᵀ + b at once
                var states = PackedLstmFunction.Run(inputGates, w.WeightHh, layout, reverse);   // [rows, 2H]: h, c
                using var lastRows = tensor(Enumerable.Range(0, layout.Sequences).Select(r => (long)layout.Last(r, reverse)).ToArray());
                var last = states.index_select(0, lastRows);
                directions.Add(states[.., ..hidden]);
                lastHidden.Add(last[.., ..hidden]);
                lastCell.Add(last[.., hidden..]);
            }
            x = directions.Count == 1 ? directions[0] : cat(directions, 1);
            if (layer < layers - 1 && layerDropout > 0) x = nn.functional.dropout(x, layerDropout, lstm.training);
        }

        // Back to the padded, batch-first layout and the caller's row order (what pad_packed_sequence would give).
        long batch = input.shape[0], steps = input.shape[1], width = x.shape[1];
        using var positions = tensor(layout.PaddedPositions(packed.sorted_indices.data<long>().ToArray(), steps));
        var padded = zeros(batch * steps, width, dtype: x.dtype).index_copy(0, positions, x).view(batch, steps, width);
        var order = packed.unsorted_indices;
        var hN = stack(lastHidden).index_select(1, order);
        var cN = stack(lastCell).index_select(1, order);
        return new RecurrentRun(padded.MoveToOuterDisposeScope(), hN.MoveToOuterDisposeScope(), cN.MoveToOuterDisposeScope());
    }
}
