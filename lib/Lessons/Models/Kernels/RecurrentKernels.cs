using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Models.Kernels;

/// <summary>
/// The seam between a classifier and what computes its recurrent layer: LibTorch's own <c>nn.LSTM</c>, <c>nn.GRU</c>
/// or <c>nn.RNN</c>, or the kit's kernels, which run the same layer with its own parameters (float32 on the CPU,
/// batch-first, tanh RNN, zero initial state). With lengths the batch is read the packed way
/// (<see cref="PackedBatch.RealTokens"/>: each layer and direction reads only the real tokens) and the results equal
/// <c>layer.call(packed)</c>; without, every row runs all T steps (<see cref="PackedBatch.AllSteps"/>) and the results
/// equal <c>layer.call(input)</c>. Tests hold outputs, states and gradients to 1e-5.
/// <para>
/// Why: on a CPU LibTorch runs a PackedSequence, and a GRU or RNN even on padded input, one small operation at a time (a
/// matrix product, the activations, the state update, for every step), and autograd records each of them; that made the
/// packed LSTM train 4 times slower than the padded one (which LibTorch hands to oneDNN's fused kernel). A kernel does
/// the same arithmetic in one pass per direction, and the input projection of all tokens as one matrix product.
/// </para>
/// </summary>
internal static class RecurrentKernels
{
    /// <summary>Why the kernels cannot compute this layer on this device and type exactly, or null when they can.</summary>
    public static string? Refusal(RecurrentLayerSpec layer, DeviceType device, ScalarType dtype) =>
        !layer.BatchFirst ? "they read batch-first input only"
        : layer.Kind == CellKind.Rnn && layer.Nonlinearity != nn.NonLinearities.Tanh ? $"the RNN kernel computes tanh, not {layer.Nonlinearity}"
        : device != DeviceType.CPU ? $"they run on the CPU, not on {device}"
        : dtype != ScalarType.Float32 ? $"they compute float32, not {dtype}"
        : null;

    /// <summary>Whether the kernels compute this layer on this device and type exactly (see <see cref="Refusal"/>).</summary>
    public static bool Serves(RecurrentLayerSpec layer, DeviceType device, ScalarType dtype) => Refusal(layer, device, dtype) is null;

    /// <summary>
    /// Which engine runs the layer, <see cref="RecurrentEngine.Kit"/> or <see cref="RecurrentEngine.LibTorch"/>, for
    /// the engine asked for: Auto takes the kernels where they serve and beat LibTorch (all but the padded LSTM, which
    /// LibTorch hands to oneDNN's fused kernel). Kit where the kernels cannot serve is an error, never a silent fallback.
    /// </summary>
    public static RecurrentEngine Choose(RecurrentEngine requested, RecurrentLayerSpec layer, bool packed, DeviceType device, ScalarType dtype)
    {
        string? refusal = Refusal(layer, device, dtype);
        return requested switch
        {
            RecurrentEngine.LibTorch => RecurrentEngine.LibTorch,
            RecurrentEngine.Kit when refusal is null => RecurrentEngine.Kit,
            RecurrentEngine.Kit => throw new InvalidOperationException(
                $"Engine Kit: the kit's kernels cannot compute this {CellKinds.Name(layer.Kind).ToUpperInvariant()}: {refusal}. " +
                "Use Engine Auto or LibTorch."),
            _ => refusal is null && (packed || layer.Kind != CellKind.Lstm) ? RecurrentEngine.Kit : RecurrentEngine.LibTorch,
        };
    }

    /// <summary>
    /// input [B, T, E] (padded, batch-first), lengths [B] for packed reading or null for padded -> output
    /// [B, T, directions x H] (packed: zero at padding), h_n (and the LSTM's c_n) [layers x directions, B, H] in the
    /// caller's row order, exactly as <paramref name="module"/> (built from <paramref name="layer"/>) returns them. The
    /// layer's dropout applies between layers while the module is training, its masks drawn by
    /// <paramref name="betweenLayers"/> when given (the classifier's, which the trainer lends its generator), else
    /// from the process-wide generator.
    /// </summary>
    public static RecurrentRun Run(nn.Module module, RecurrentLayerSpec layer, Tensor input, Tensor? lengths, GeneratorDropout? betweenLayers = null)
    {
        if (Refusal(layer, input.device_type, input.dtype) is string refusal)
            throw new ArgumentException($"the kit's kernels cannot compute this layer: {refusal}", nameof(layer));
        return layer.Kind switch
        {
            CellKind.Lstm => Run<LstmKernel, LstmTape>(module, layer, input, lengths, betweenLayers),
            CellKind.Gru => Run<GruKernel, GruTape>(module, layer, input, lengths, betweenLayers),
            CellKind.Rnn => Run<RnnKernel, KernelTape>(module, layer, input, lengths, betweenLayers),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, "unknown cell kind"),
        };
    }

    static RecurrentRun Run<TKernel, TTape>(nn.Module module, RecurrentLayerSpec layer, Tensor input, Tensor? lengths, GeneratorDropout? betweenLayers)
        where TKernel : IRecurrentKernel<TTape>
        where TTape : KernelTape
    {
        using var scope = NewDisposeScope();
        var batch = lengths is null ? PackedBatch.AllSteps(input) : PackedBatch.RealTokens(input, lengths);
        var layout = batch.Layout;
        var x = batch.Rows;
        var lastHidden = new List<Tensor>();
        var lastCell = new List<Tensor>();
        for (int index = 0; index < layer.Layers; index++)
        {
            var directions = new List<Tensor>();
            foreach (bool reverse in layer.Bidirectional ? new[] { false, true } : [false])
            {
                var weights = BuiltInWeights.Of(module, index, reverse);
                var states = RecurrentKernelFunction<TKernel, TTape>.Run(weights, x, layout, reverse);   // [rows, state blocks x H]: h (, c)
                using var lastRows = tensor(layout.LastRows(reverse));
                var last = states.index_select(0, lastRows);
                directions.Add(states[.., ..layer.Hidden]);
                lastHidden.Add(last[.., ..layer.Hidden]);
                if (TKernel.StateBlocks > 1) lastCell.Add(last[.., layer.Hidden..]);
            }
            x = directions.Count == 1 ? directions[0] : cat(directions, 1);
            if (index < layer.Layers - 1 && layer.LayerDropout > 0)
                x = GeneratorDropout.Apply(x, layer.LayerDropout, module.training, betweenLayers?.Generator);
        }

        var output = batch.ToPadded(x);
        var hN = batch.ToCallerOrder(stack(lastHidden));
        var cN = lastCell.Count > 0 ? batch.ToCallerOrder(stack(lastCell)) : null;
        return new RecurrentRun(output.MoveToOuterDisposeScope(), hN.MoveToOuterDisposeScope(), cN?.MoveToOuterDisposeScope());
    }
}
