using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// One gate's numbers in the notebooks' notation, for a step function written over plain tensors:
/// x·W + h·H + b with row vectors, W [input × hidden], H [hidden × hidden], and PyTorch's two biases.
/// </summary>
public sealed record GateWeights(Tensor W, Tensor H, Tensor BiasX, Tensor BiasH)
{
    /// <summary>b = b_x + b_h: only the sum matters, except in the GRU's candidate, where b_h sits inside the reset.</summary>
    public Tensor B => BiasX + BiasH;

    /// <summary>
    /// A built-in layer's stacked blocks (weight_ih [blocks·hidden, input]), split and transposed: detached copies by
    /// default; with <paramref name="trainable"/> views of the layer's parameters, through which a gradient reaches them.
    /// </summary>
    internal static GateWeights[] Split(BuiltInWeights weights, int blocks, bool trainable = false)
    {
        Tensor[] Blocks(Tensor t) => (trainable ? t : t.detach()).chunk(blocks);
        using var noGrad = trainable ? null : no_grad();
        var (wIh, wHh, bIh, bHh) = (Blocks(weights.WeightIh), Blocks(weights.WeightHh), Blocks(weights.BiasIh), Blocks(weights.BiasHh));
        return Enumerable.Range(0, blocks).Select(g => new GateWeights(wIh[g].t(), wHh[g].t(), bIh[g], bHh[g])).ToArray();
    }
}

/// <summary>An LSTM layer's gates, named (nn.LSTM stacks them i, f, g, o).</summary>
public sealed record LstmWeights(GateWeights Input, GateWeights Forget, GateWeights Candidate, GateWeights Output)
{
    /// <summary>The gates of layer 0 of an nn.LSTM.</summary>
    public static LstmWeights Of(nn.Module lstm) => Of(lstm, trainable: false);

    /// <summary>The same, as views a gradient flows through (<see cref="GateWeights.Split"/>).</summary>
    internal static LstmWeights Of(nn.Module lstm, bool trainable)
    {
        var g = GateWeights.Split(BuiltInWeights.Of(lstm), 4, trainable);
        return new LstmWeights(g[0], g[1], g[2], g[3]);
    }
}

/// <summary>A GRU layer's gates, named (nn.GRU stacks them r, z, n).</summary>
public sealed record GruWeights(GateWeights Reset, GateWeights Update, GateWeights Candidate)
{
    /// <summary>The gates of layer 0 of an nn.GRU.</summary>
    public static GruWeights Of(nn.Module gru)
    {
        var g = GateWeights.Split(BuiltInWeights.Of(gru), 3);
        return new GruWeights(g[0], g[1], g[2]);
    }
}
