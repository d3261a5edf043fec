using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Models.Packed;

/// <summary>
/// Runs a built-in recurrent layer (<c>nn.LSTM</c>, <c>nn.GRU</c> or tanh <c>nn.RNN</c>; batch-first, zero initial
/// state) over a padded batch with the kit's kernels instead of LibTorch's CPU path, using the layer's own parameters.
/// With lengths the batch is read the packed way (<see cref="PackedBatch.RealTokens"/>: each layer and direction reads
/// only the real tokens) and the results equal <c>layer.call(packed)</c>; without, every row runs all T steps
/// (<see cref="PackedBatch.AllSteps"/>) and the results equal <c>layer.call(input)</c>. Tests hold outputs, states and
/// gradients to 1e-5.
/// <para>
/// Why: on a CPU LibTorch runs a PackedSequence, and a GRU or RNN even on padded input, one small operation at a time (a
/// matrix product, the activations, the state update, for every step), and autograd records each of them; that made the
/// packed LSTM train 4 times slower than the padded one (which LibTorch hands to oneDNN's fused kernel). A kernel does
/// the same arithmetic in one pass per direction, and the input projection of all tokens as one matrix product.
/// </para>
/// </summary>
public static class PackedRecurrence
{
    static readonly AsyncLocal<bool> builtInOnly = new();

    /// <summary>
    /// Until the returned object is disposed, every layer runs on LibTorch's own path, kernels or not: to see what the
    /// kernels save (<c>lessons bench --built-in</c>, notebook 4). <c>using (PackedRecurrence.BuiltInOnly()) { ... }</c>
    /// </summary>
    public static IDisposable BuiltInOnly()
    {
        bool before = builtInOnly.Value;
        builtInOnly.Value = true;
        return new Restore(() => builtInOnly.Value = before);
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>
    /// Whether a kernel serves this layer and input: float32 on the CPU, an LSTM only when packed (on padded input
    /// LibTorch's fused LSTM is faster), and not inside <see cref="BuiltInOnly"/>; anything else goes through the built-in layer.
    /// </summary>
    public static bool Serves(nn.Module layer, Tensor input, bool packed) =>
        !builtInOnly.Value && input.device_type == DeviceType.CPU && input.dtype == ScalarType.Float32 && layer switch
        {
            LSTM => packed,
            GRU or RNN => true,
            _ => false,
        };

    /// <summary>
    /// input [B, T, E] (padded, batch-first), lengths [B] for packed reading or null for padded -> output
    /// [B, T, directions x H] (packed: zero at padding), h_n (and the LSTM's c_n) [layers x directions, B, H] in the
    /// caller's row order, exactly as the built-in layer returns them. <paramref name="layerDropout"/> applies between
    /// layers while the layer is training. An RNN must use the default tanh nonlinearity (the kernel has no ReLU).
    /// </summary>
    public static RecurrentRun Run(nn.Module layer, Tensor input, Tensor? lengths, int layers, bool bidirectional, double layerDropout) => layer switch
    {
        LSTM => Run<PackedLstmKernel, PackedLstmTape>(layer, input, lengths, layers, bidirectional, layerDropout),
        GRU => Run<PackedGruKernel, PackedGruTape>(layer, input, lengths, layers, bidirectional, layerDropout),
        RNN => Run<PackedRnnKernel, PackedTape>(layer, input, lengths, layers, bidirectional, layerDropout),
        _ => throw new ArgumentException($"no packed kernel for {layer.GetType().Name}; use the built-in layer", nameof(layer)),
    };

    static RecurrentRun Run<TKernel, TTape>(nn.Module layer, Tensor input, Tensor? lengths, int layers, bool bidirectional, double layerDropout)
        where TKernel : IPackedKernel<TTape>
        where TTape : PackedTape
    {
        using var scope = NewDisposeScope();
        using var batch = lengths is null ? PackedBatch.AllSteps(input) : PackedBatch.RealTokens(input, lengths);
        var layout = batch.Layout;
        var x = batch.Rows;
        var lastHidden = new List<Tensor>();
        var lastCell = new List<Tensor>();
        for (int index = 0; index < layers; index++)
        {
            var directions = new List<Tensor>();
            foreach (bool reverse in bidirectional ? new[] { false, true } : [false])
            {
                var weights = BuiltInWeights.Of(layer, index, reverse);
                int hidden = (int)weights.WeightHh.shape[1];
                var states = PackedRecurrenceFunction<TKernel, TTape>.Run(weights, x, layout, reverse);   // [rows, state blocks x H]: h (, c)
                using var lastRows = tensor(layout.LastRows(reverse));
                var last = states.index_select(0, lastRows);
                directions.Add(states[.., ..hidden]);
                lastHidden.Add(last[.., ..hidden]);
                if (TKernel.StateBlocks > 1) lastCell.Add(last[.., hidden..]);
            }
            x = directions.Count == 1 ? directions[0] : cat(directions, 1);
            if (index < layers - 1 && layerDropout > 0) x = nn.functional.dropout(x, layerDropout, layer.training);
        }

        var output = batch.ToPadded(x);
        var hN = batch.ToCallerOrder(stack(lastHidden));
        var cN = lastCell.Count > 0 ? batch.ToCallerOrder(stack(lastCell)) : null;
        return new RecurrentRun(output.MoveToOuterDisposeScope(), hN.MoveToOuterDisposeScope(), cN?.MoveToOuterDisposeScope());
    }
}
