using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Lessons.Models.Kernels;

/// <summary>
/// One layer-direction of a recurrent layer over a packed batch as a single autograd node: the forward pass runs the
/// kernel's <see cref="IRecurrentKernel{TTape}.Forward"/>, the backward pass its <see cref="IRecurrentKernel{TTape}.Backward"/>.
/// Inputs: the input gates [rows, gates x H] (x·W_ihᵀ + the biases that fold), weight_hh [gates x H, H] and, for a
/// kernel that adds it itself, bias_hh [gates x H], all differentiable; the <see cref="PackedLayout"/> and the direction.
/// Output: every packed row's states [rows, state blocks x H], h first. One output, so that whatever part of it a loss
/// reads (the outputs, the final h, the final c), autograd hands the node one full gradient. CPU, float32, zero
/// initial state.
/// </summary>
sealed class RecurrentKernelFunction<TKernel, TTape> : SingleTensorFunction<RecurrentKernelFunction<TKernel, TTape>>
    where TKernel : IRecurrentKernel<TTape>
    where TTape : KernelTape
{
    public override string Name => "Kit" + KindName;

    static string KindName => CellKinds.Name(TKernel.Kind).ToUpperInvariant();

    /// <summary>
    /// [rows, state blocks x H]: projects every row of <paramref name="input"/> [rows, E] at once (one matrix product),
    /// then runs the recurrence with one layer-direction's <paramref name="weights"/> over the layout.
    /// </summary>
    public static Tensor Run(BuiltInWeights weights, Tensor input, PackedLayout layout, bool reverse)
    {
        var bias = TKernel.AddsHiddenBias ? weights.BiasIh : weights.BiasIh + weights.BiasHh;
        var inputGates = addmm(bias, input, weights.WeightIh.t(), beta: 1, alpha: 1);   // every token's x·W_ihᵀ + b at once
        bool backwardFollows = is_grad_enabled()
            && (inputGates.requires_grad || weights.WeightHh.requires_grad || (TKernel.AddsHiddenBias && weights.BiasHh.requires_grad));
        return TKernel.AddsHiddenBias
            ? apply(layout, reverse, backwardFollows, inputGates, weights.WeightHh, weights.BiasHh)
            : apply(layout, reverse, backwardFollows, inputGates, weights.WeightHh);
    }

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (layout, reverse, backwardFollows) = ((PackedLayout)vars[0], (bool)vars[1], (bool)vars[2]);
        var (inputGates, weightHh) = ((Tensor)vars[3], (Tensor)vars[4]);
        int hidden = (int)weightHh.shape[1], gates = CellKinds.GateBlocks(TKernel.Kind) * hidden;
        if (inputGates.dtype != ScalarType.Float32 || inputGates.device_type != DeviceType.CPU || inputGates.shape[0] != layout.Rows || inputGates.shape[1] != gates)
            throw new ArgumentException($"kit {KindName} kernel: the input gates must be float32 on the CPU with shape [{layout.Rows}, {gates}] (got {inputGates.dtype} [{string.Join(", ", inputGates.shape)}] on {inputGates.device})");

        var tape = TKernel.NewTape(layout, reverse, hidden);
        using (var weightT = weightHh.t().contiguous()) Floats(weightT).CopyTo(tape.WeightHhT);
        using (var weight = weightHh.contiguous()) Floats(weight).CopyTo(tape.WeightHh);
        using (var gatesIn = inputGates.contiguous())
        {
            if (!TKernel.AddsHiddenBias) TKernel.Forward(tape, Floats(gatesIn), hiddenBias: default);
            else using (var hiddenBias = ((Tensor)vars[5]).contiguous()) TKernel.Forward(tape, Floats(gatesIn), Floats(hiddenBias));
        }
        var states = empty(layout.Rows, TKernel.StateBlocks * hidden);
        tape.States.CopyTo(Floats(states));

        if (backwardFollows) ctx.save_data(nameof(KernelTape), tape);
        else tape.Release();
        return states;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor gradStates)
    {
        using var scope = NewDisposeScope();
        var tape = (TTape)ctx.get_data(nameof(KernelTape));
        int rows = tape.Layout.Rows;
        var gradGates = empty(rows, tape.GateWidth);
        var gradHiddenGates = TKernel.AddsHiddenBias ? empty(rows, tape.GateWidth) : gradGates;
        using (var incoming = gradStates.contiguous()) TKernel.Backward(tape, Floats(incoming), Floats(gradGates), Floats(gradHiddenGates));
        var previousHidden = empty(rows, tape.Hidden);
        tape.PreviousHidden(Floats(previousHidden));
        tape.Release();
        var gradWeightHh = gradHiddenGates.t().mm(previousHidden);   // [gates x H, rows] · [rows, H]
        List<Tensor> grads = [null!, null!, null!, gradGates.MoveToOuterDisposeScope(), gradWeightHh.MoveToOuterDisposeScope()];
        if (TKernel.AddsHiddenBias) grads.Add(gradHiddenGates.sum(dim: 0).MoveToOuterDisposeScope());   // b_hh
        return grads;
    }

    /// <summary>The storage of a contiguous float32 CPU tensor as floats.</summary>
    static Span<float> Floats(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);
}
