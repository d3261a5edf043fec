using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// Why the simple RNN forgets the start of a long headline, as numbers for a chart: how strongly a loss computed on the
/// final state reaches back to the state at every earlier step, ‖∂loss/∂h_t‖ for t = 0..T-1.
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
        manual_seed(seed);
        using var cell = RecurrentCell.Create(kind, inputSize, hiddenSize);
        var inputs = randn(batch, steps, inputSize);
        return Norms(cell, inputs);
    }
}
