using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// Runs a hand-written cell over a batch one step at a time, the loop the built-in layers hide, and keeps everything
/// a chart wants: the hidden state and every gate at every step, and per-headline <see cref="CellTrace"/>s.
/// Rows shorter than the batch stop at their own length: their state is carried unchanged over the padding.
/// </summary>
public static class Unroller
{
    /// <summary>
    /// inputs [B, T, input] (e.g. embeddings), lengths [B] int64 in 1..T. With <paramref name="backward"/> each row's real
    /// tokens are read last to first (padding is never read), and the results are put back at the original positions.
    /// </summary>
    public static Unrolled Run(RecurrentCell cell, Tensor inputs, Tensor lengths, bool backward = false)
    {
        if (inputs.dim() != 3 || inputs.shape[2] != cell.InputSize)
            throw new ArgumentException(
                $"inputs must be [batch, steps, {cell.InputSize}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        long batch = inputs.shape[0], steps = inputs.shape[1];
        using (var tokensLike = zeros(batch, steps, dtype: ScalarType.Int64)) TokenBatchShape.Check(tokensLike, lengths);

        var lengthsHere = lengths.to(inputs.device);
        var real = SequenceReadout.Mask(lengthsHere, steps);
        var x = backward ? ReverseRealSteps(inputs, lengthsHere) : inputs;

        var state = cell.Begin(batch);
        var hidden = new List<Tensor>();
        var gates = cell.GateNames.ToDictionary(name => name, _ => new List<Tensor>());
        for (long t = 0; t < steps; t++)
        {
            var step = cell.Step(x[.., t], state);
            var isReal = real[.., t].unsqueeze(1);
            // Past a row's end the state stays where the last real token left it.
            state = new CellState(
                where(isReal, step.State.H, state.H),
                state.C is null ? null : where(isReal, step.State.C!, state.C));
            hidden.Add(step.State.H * isReal);
            foreach (var (name, activation) in step.Gates) gates[name].Add(activation * isReal);
        }

        Tensor Gather(List<Tensor> perStep)
        {
            var stacked = stack(perStep, 1);
            return backward ? ReverseRealSteps(stacked, lengthsHere) : stacked;
        }
        return new Unrolled(Gather(hidden), state, gates.ToDictionary(g => g.Key, g => Gather(g.Value)), backward);
    }

    /// <summary>
    /// One <see cref="CellTrace"/> per row, cut to the row's length. <paramref name="tokens"/>[b] are the strings of
    /// row b's real tokens (as many as lengths[b]).
    /// </summary>
    public static IReadOnlyList<CellTrace> Traces(RecurrentCell cell, Unrolled run, Tensor lengths, IReadOnlyList<IReadOnlyList<string>> tokens)
    {
        long batch = run.Hidden.shape[0];
        if (tokens.Count != batch)
            throw new ArgumentException($"got token strings for {tokens.Count} rows but the run has {batch}.", nameof(tokens));
        var lengthOf = lengths.cpu().data<long>().ToArray();
        var traces = new List<CellTrace>();
        for (int b = 0; b < batch; b++)
        {
            int length = (int)lengthOf[b];
            if (tokens[b].Count != length)
                throw new ArgumentException($"row {b} has {length} tokens but {tokens[b].Count} strings were given.", nameof(tokens));
            var gates = run.Gates.ToDictionary(g => TraceNames.Gate(g.Key), g => ToArray(g.Value[b, ..length]));
            traces.Add(new CellTrace(cell.Kind, run.Direction, tokens[b].ToArray(), ToArray(run.Hidden[b, ..length]), gates));
        }
        return traces;
    }

    /// <summary>
    /// Reverses each row's first lengths[b] steps and leaves the padding where it is: step t of the result is step
    /// lengths[b] - 1 - t of the input. Applying it twice gives the input back.
    /// </summary>
    public static Tensor ReverseRealSteps(Tensor sequences, Tensor lengths)
    {
        long steps = sequences.shape[1];
        var t = arange(steps, dtype: ScalarType.Int64, device: sequences.device).unsqueeze(0);
        var last = (lengths.to(sequences.device) - 1).unsqueeze(1);
        var source = where(t <= last, last - t, t);
        return sequences.gather(1, source.unsqueeze(2).expand(-1, -1, sequences.shape[2]));
    }

    static float[,] ToArray(Tensor matrix)
    {
        using var values = matrix.detach().cpu().to(ScalarType.Float32).contiguous();
        int rows = (int)values.shape[0], cols = (int)values.shape[1];
        var flat = values.data<float>().ToArray();
        var result = new float[rows, cols];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }
}
