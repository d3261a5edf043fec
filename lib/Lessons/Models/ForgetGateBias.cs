using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The starting bias of the gate that keeps the state (<see cref="ClassifierOptions.ForgetBias"/>): the LSTM's forget
/// gate f, and the GRU's update gate z, which plays the same part (h' = (1 − z)·n + z·h: z near 1 keeps the old state).
/// In PyTorch's layout both are the second block of every layer's and direction's biases (LSTM: i, f, g, o; GRU:
/// r, z, n); the simple RNN has no gate and keeps PyTorch's start. The gate sees bias_ih + bias_hh, so the first block gets
/// the bias and the second zero: the sum is exactly the bias, in nn.LSTM, nn.GRU and the kit's kernels alike.
/// </summary>
internal static class ForgetGateBias
{
    /// <summary>Sets the keep gate's bias in every layer and direction of <paramref name="recurrent"/> (0: leaves it).</summary>
    public static void Apply(nn.Module recurrent, CellKind kind, int hidden, double bias)
    {
        if (bias == 0 || kind is not (CellKind.Lstm or CellKind.Gru)) return;
        using var noGrad = no_grad();
        foreach (var (name, parameter) in recurrent.named_parameters())
        {
            if (!name.StartsWith("bias_", StringComparison.Ordinal)) continue;
            parameter[hidden..(2 * hidden)].fill_(name.StartsWith("bias_ih", StringComparison.Ordinal) ? bias : 0);
        }
    }
}
