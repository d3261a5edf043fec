using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// A recurrent cell written by hand from plain Parameters (d2l style), so a student can read every gate.
/// Weights are [input x hidden] and [hidden x hidden] (x @ W, h @ H); <see cref="Load"/> copies a built-in layer's
/// weights in (transposed, block by block) so the hand-written cell computes exactly what nn.RNN / nn.LSTM / nn.GRU do.
/// </summary>
public abstract class RecurrentCell : nn.Module
{
    protected RecurrentCell(string name, CellKind kind, int inputSize, int hiddenSize) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        (Kind, InputSize, HiddenSize) = (kind, inputSize, hiddenSize);
    }

    public CellKind Kind { get; }
    public int InputSize { get; }
    public int HiddenSize { get; }

    /// <summary>The keys of <see cref="CellStep.Gates"/> (and of <see cref="CellTrace.Gates"/>); empty for the simple RNN.</summary>
    public abstract IReadOnlyList<string> GateNames { get; }

    /// <summary>The gate blocks in the order the built-in layer stacks them (LSTM: i, f, g, o; GRU: r, z, n).</summary>
    public abstract IReadOnlyList<GateBlock> BuiltInOrder { get; }

    /// <summary>x [B, input] and the previous state -> the next state and the gates' activations.</summary>
    public abstract CellStep Step(Tensor x, CellState state);

    /// <summary>The state before the first token: zeros (what the built-in layers start from).</summary>
    public virtual CellState Begin(long batch)
    {
        var device = BuiltInOrder[0].InputWeight.device;
        return new CellState(zeros(batch, HiddenSize, device: device));
    }

    /// <summary>Copies one layer and direction of a built-in layer into this cell (no gradient is recorded).</summary>
    public void Load(BuiltInWeights weights)
    {
        var blocks = BuiltInOrder;
        long expectedRows = blocks.Count * HiddenSize;
        if (weights.WeightIh.shape[0] != expectedRows || weights.WeightIh.shape[1] != InputSize || weights.WeightHh.shape[1] != HiddenSize)
            throw new ArgumentException(
                $"a {CellKinds.Name(Kind)} cell of input {InputSize} and hidden {HiddenSize} needs weight_ih [{expectedRows}, {InputSize}] " +
                $"and weight_hh [{expectedRows}, {HiddenSize}]; got [{string.Join(", ", weights.WeightIh.shape)}] and " +
                $"[{string.Join(", ", weights.WeightHh.shape)}].", nameof(weights));
        using var noGrad = no_grad();
        var wIh = weights.WeightIh.chunk(blocks.Count);
        var wHh = weights.WeightHh.chunk(blocks.Count);
        var bIh = weights.BiasIh.chunk(blocks.Count);
        var bHh = weights.BiasHh.chunk(blocks.Count);
        for (int g = 0; g < blocks.Count; g++)
        {
            blocks[g].InputWeight.copy_(wIh[g].t());
            blocks[g].HiddenWeight.copy_(wHh[g].t());
            blocks[g].InputBias.copy_(bIh[g]);
            blocks[g].HiddenBias.copy_(bHh[g]);
        }
    }

    /// <summary>
    /// This cell's numbers in the built-in layout; <paramref name="pick"/> chooses what to read from each Parameter
    /// (the value by default, or e.g. <c>p =&gt; p.grad!</c> to compare gradients with the built-in layer's).
    /// </summary>
    public BuiltInWeights InBuiltInLayout(Func<Parameter, Tensor>? pick = null)
    {
        pick ??= p => p;
        var blocks = BuiltInOrder;
        return new BuiltInWeights(
            cat(blocks.Select(b => pick(b.InputWeight).t()).ToArray(), 0),
            cat(blocks.Select(b => pick(b.HiddenWeight).t()).ToArray(), 0),
            cat(blocks.Select(b => pick(b.InputBias)).ToArray(), 0),
            cat(blocks.Select(b => pick(b.HiddenBias)).ToArray(), 0));
    }

    /// <summary>
    /// Creates and registers one gate block, initialised like PyTorch's: uniform in ±1/sqrt(hidden), drawn from
    /// <paramref name="generator"/> (or the global generator torch.manual_seed sets).
    /// </summary>
    protected GateBlock NewGate(string name, string suffix, Generator? generator)
    {
        double k = 1.0 / Math.Sqrt(HiddenSize);
        Parameter Uniform(string parameterName, params long[] shape)
        {
            var p = new Parameter((rand(shape, generator: generator) * 2 - 1) * k, requires_grad: true);
            p.DetachFromDisposeScope(); // the weight lives as long as the cell, not the scope it was built in
            register_parameter(parameterName, p);
            return p;
        }
        return new GateBlock(name,
            Uniform($"W_x{suffix}", InputSize, HiddenSize),
            Uniform($"W_h{suffix}", HiddenSize, HiddenSize),
            Uniform($"b_x{suffix}", HiddenSize),
            Uniform($"b_h{suffix}", HiddenSize));
    }

    /// <summary>Creates the cell a kind names (weights drawn from <paramref name="generator"/>, else the global generator).</summary>
    public static RecurrentCell Create(CellKind kind, int inputSize, int hiddenSize, Generator? generator = null) => kind switch
    {
        CellKind.Rnn => new RnnCell(inputSize, hiddenSize, generator),
        CellKind.Lstm => new LstmCell(inputSize, hiddenSize, generator),
        CellKind.Gru => new GruCell(inputSize, hiddenSize, generator),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };
}
