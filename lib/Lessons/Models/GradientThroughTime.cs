using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// Why the simple RNN forgets the start of a long headline, as numbers for a chart: how strongly a loss computed on the
/// final state reaches back to the state at every earlier step, ‖∂loss/∂h_t‖ for t = 0..T-1.
/// Freshly initialised, every kind's curve falls (an LSTM's forget gates start near 0.5), but at very different rates:
/// with the defaults (input 64, hidden 32, 50 steps, seed 0) the first step keeps about 1e-21 of the last step's norm
/// for the RNN, 1e-12 for the LSTM and 1e-11 for the GRU. Plot on a log scale.
/// </summary>
public static class GradientThroughTime
{
    /// <summary>
    /// Unrolls <paramref name="cell"/> over inputs [B, T, input] (all rows full length), takes loss = sum of the final
    /// hidden state, and returns the norm of ∂loss/∂h_t over the whole batch for every step t (t = T-1 is the last).
    /// </summary>
    public static double[] Norms(RecurrentCell cell, Tensor inputs)
    {
        if (inputs.dim() != 3 || inputs.shape[2] != cell.InputSize)
            throw new ArgumentException(
                $"inputs must be [batch, steps, {cell.InputSize}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        long steps = inputs.shape[1];
        var state = cell.Begin(inputs.shape[0]);
        var hidden = new List<Tensor>();
        for (long t = 0; t < steps; t++)
        {
            state = cell.Step(inputs[.., t], state).State;
            hidden.Add(state.H);
        }
        var loss = state.H.sum();
        var gradients = autograd.grad([loss], hidden);
        return gradients.Select(g => g.norm().item<float>()).Select(n => (double)n).ToArray();
    }

    /// <summary>
    /// The same for a freshly initialised cell of the given kind and size, on a seeded batch of random inputs
    /// (standard normal, like a fresh embedding). Same seed, same numbers.
    /// </summary>
    public static double[] Norms(CellKind kind, int inputSize = 64, int hiddenSize = 32, int steps = 50, int batch = 16, long seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        using var scope = NewDisposeScope();
        // A private generator: the numbers depend on the seed alone, not on what else drew from the global one.
        using var generator = new Generator((ulong)seed, CPU);
        using var cell = RecurrentCell.Create(kind, inputSize, hiddenSize, generator);
        var inputs = randn([batch, steps, inputSize], generator: generator);
        return Norms(cell, inputs);
    }

    /// <summary>
    /// Exploding gradients: the length of the gradient of loss = sum of the final hidden state with respect to all of
    /// <paramref name="cell"/>'s parameters, after reading the first T steps of inputs [B, steps, input], for
    /// T = 1..steps (element T-1). With <paramref name="clipNorm"/> above 0, its length after
    /// <c>nn.utils.clip_grad_norm_(…, clipNorm)</c>, which rescales the whole gradient by one factor so that it is at
    /// most that long.
    /// </summary>
    public static double[] ParameterNorms(RecurrentCell cell, Tensor inputs, double clipNorm = 0)
    {
        if (inputs.dim() != 3 || inputs.shape[2] != cell.InputSize)
            throw new ArgumentException(
                $"inputs must be [batch, steps, {cell.InputSize}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        ArgumentOutOfRangeException.ThrowIfNegative(clipNorm);
        using var grad = enable_grad();
        using var scope = NewDisposeScope();
        // One pass over all the steps; the loss after T steps is backpropagated from the state after step T.
        var state = cell.Begin(inputs.shape[0]);
        var finals = new List<Tensor>();
        for (long t = 0; t < inputs.shape[1]; t++)
        {
            state = cell.Step(inputs[.., t], state).State;
            finals.Add(state.H);
        }
        var norms = new double[finals.Count];
        for (int read = 1; read <= norms.Length; read++)
        {
            cell.zero_grad();
            finals[read - 1].sum().backward(retain_graph: true);
            if (clipNorm > 0) nn.utils.clip_grad_norm_(cell.parameters(), clipNorm);
            norms[read - 1] = Math.Sqrt(cell.parameters().Sum(p => p.grad is { } g ? g.square().sum().item<float>() : 0.0));
        }
        cell.zero_grad();
        return norms;
    }

    /// <summary>
    /// The same for a fresh simple RNN cell whose recurrent weights H are <paramref name="recurrentScale"/> times as
    /// large as PyTorch draws them, on a seeded batch of standard normal inputs. Same seed, same numbers.
    /// </summary>
    public static double[] ParameterNorms(double recurrentScale, double clipNorm = 0, int inputSize = 64, int hiddenSize = 32,
        int steps = 40, int batch = 16, long seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed, CPU);
        using var cell = new RnnCell(inputSize, hiddenSize, generator);
        using (no_grad()) cell.H.mul_(recurrentScale);
        var inputs = randn([batch, steps, inputSize], generator: generator);
        return ParameterNorms(cell, inputs, clipNorm);
    }

    /// <summary>
    /// The same for a trained classifier's first layer (forward direction) on real headlines: tokens [B, T] int64 with
    /// no padding (every row T real tokens, e.g. the long headlines of the test split cut to a common length).
    /// </summary>
    public static double[] Norms(RecurrentClassifier model, Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var cells = TrainedCells.From(model);
        Tensor inputs;
        using (no_grad()) inputs = cells.Embed(tokens);
        return Norms(cells.Forward, inputs);
    }
}

