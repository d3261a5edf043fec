using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Lessons.Models.Packed;

/// <summary>
/// One LSTM layer-direction over a packed batch as a single autograd node: the forward pass runs
/// <see cref="PackedLstmKernel.Forward"/>, the backward pass <see cref="PackedLstmKernel.Backward"/>.
/// Inputs: the input gates [rows, 4H] (x·W_ihᵀ + biases) and weight_hh [4H, H], both differentiable, the
/// <see cref="PackedLayout"/> and the direction. Output: every packed row's states [rows, 2H], h then c. One output,
/// so that whatever part of it a loss reads (the outputs, the final h, the final c), autograd hands the node one full
/// gradient. CPU, float32, zero initial state.
/// </summary>
sealed class PackedLstmFunction : SingleTensorFunction<PackedLstmFunction>
{
    public override string Name => "PackedLstm";

    /// <summary>[rows, 2H]: h and c after every packed row.</summary>
    public static Tensor Run(Tensor inputGates, Tensor weightHh, PackedLayout layout, bool reverse)
    {
        bool backwardFollows = is_grad_enabled() && (inputGates.requires_grad || weightHh.requires_grad);
        return apply(inputGates, weightHh, layout, reverse, backwardFollows);
    }

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (inputGates, weightHh, layout, reverse, backwardFollows) = ((Tensor)vars[0], (Tensor)vars[1], (PackedLayout)vars[2], (bool)vars[3], (bool)vars[4]);
        int hidden = (int)weightHh.shape[1];
        if (inputGates.dtype != ScalarType.Float32 || inputGates.device_type != DeviceType.CPU || inputGates.shape[0] != layout.Rows || inputGates.shape[1] != 4 * hidden)
            throw new ArgumentException($"packed LSTM: the input gates must be float32 on the CPU with shape [{layout.Rows}, {4 * hidden}] (got {inputGates.dtype} [{string.Join(", ", inputGates.shape)}] on {inputGates.device})");

        var tape = new PackedLstmTape(layout, reverse, hidden);
        using (var weightT = weightHh.t().contiguous()) Floats(weightT).CopyTo(tape.WeightHhT);
        using (var gatesIn = inputGates.contiguous()) PackedLstmKernel.Forward(tape, Floats(gatesIn));
        var states = empty(layout.Rows, 2 * hidden);
        tape.States.CopyTo(Floats(states));

        if (backwardFollows) ctx.save_data(nameof(PackedLstmTape), tape);
        else tape.Release();
        return states;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor gradStates)
    {
        var tape = (PackedLstmTape)ctx.get_data(nameof(PackedLstmTape));
        var layout = tape.Layout;
        int hidden = tape.Hidden;
        var gradGates = empty(layout.Rows, 4 * hidden);
        using (var incoming = gradStates.contiguous()) PackedLstmKernel.Backward(tape, Floats(incoming), Floats(gradGates));
        using var previousHidden = empty(layout.Rows, hidden);
        PackedLstmKernel.PreviousHidden(tape, Floats(previousHidden));
        tape.Release();
        var gradWeightHh = gradGates.t().mm(previousHidden);   // [4H, rows] · [rows, H]
        return [gradGates, gradWeightHh, null!, null!, null!];
    }

    /// <summary>The storage of a contiguous float32 CPU tensor as floats.</summary>
    static Span<float> Floats(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);
}
