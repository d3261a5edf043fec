using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>What <see cref="StepCheck"/> found: whether the step is right, and in words what is wrong if not.</summary>
public sealed record StepVerdict(bool Passed, string Message)
{
    public override string ToString() => Message;
}

/// <summary>
/// Checks a step function a student wrote over plain tensors against the built-in layer, one step from a random
/// state, and says what is wrong: a shape, which output differs and where, and, when the difference is exactly what
/// a usual slip gives (a gate with the wrong activation, another gate's weights, a missing bias...), which line.
/// Sizes: batch 2, input 4, hidden 3 (input ≠ hidden, so a W and an H swapped show as a shape error).
/// </summary>
public static partial class StepCheck
{
    const int Batch = 2, Input = 4, Hidden = 3;
    const double Tolerance = 1e-5;

    /// <summary>A simple RNN step s' = tanh(x·W + s·H + b): <c>step(x, s, W, H, b)</c>, W [input × hidden].</summary>
    public static StepVerdict Rnn(Func<Tensor, Tensor, Tensor, Tensor, Tensor, Tensor> step)
    {
        using var scope = NewDisposeScope();
        var (x, s, _, _) = Inputs();
        using var layer = Seeded(() => nn.RNN(Input, Hidden, batchFirst: true));
        var w = GateWeights.Split(BuiltInWeights.Of(layer), 1)[0];
        var (_, sN) = layer.call(x.unsqueeze(1), s.unsqueeze(0));

        Slip Slip(string problem, Tensor next) => new(problem, () => [next]);
        var slips = new[]
        {
            Slip(Words.Text("step.rnn-slip-bias"), tanh(x.matmul(w.W) + s.matmul(w.H))),
            Slip(Words.Text("step.rnn-slip-state-term"), tanh(x.matmul(w.W) + w.B)),
            Slip(Words.Text("step.rnn-slip-input-term"), tanh(s.matmul(w.H) + w.B)),
            Slip(Words.Text("step.rnn-slip-sigmoid"), sigmoid(x.matmul(w.W) + s.matmul(w.H) + w.B)),
            Slip(Words.Text("step.rnn-slip-no-tanh"), x.matmul(w.W) + s.matmul(w.H) + w.B),
        };
        return Judge("nn.RNN", ["s'"], [sN[0]], () => [step(x, s, w.W, w.H, w.B)], slips,
            _ => Words.Text("step.rnn-fallback"));
    }

    /// <summary>An LSTM step: <c>step(x, h, c, weights)</c> returns (h', c').</summary>
    public static StepVerdict Lstm(Func<Tensor, Tensor, Tensor, LstmWeights, (Tensor H, Tensor C)> step)
    {
        using var scope = NewDisposeScope();
        var (x, _, _, earlier) = Inputs();
        using var layer = Seeded(() => nn.LSTM(Input, Hidden, batchFirst: true));
        var w = LstmWeights.Of(layer);
        // The state to step from is the layer's own after an earlier step from zeros: real, and nonzero. (No no_grad
        // in these checks: under no_grad LibTorch runs nn.LSTM on another CPU path, which gave other numbers here.)
        var (_, h1, c1) = layer.call(earlier.unsqueeze(1));
        var (_, hN, cN) = layer.call(stack([earlier, x], dim: 1));
        var (h, c) = (h1[0], c1[0]);

        var gates = new[]
        {
            new Gate(Words.Text("step.gate-forget"), "Forget", w.Forget, sigmoid),
            new Gate(Words.Text("step.gate-input"), "Input", w.Input, sigmoid),
            new Gate(Words.Text("step.gate-candidate-g"), "Candidate", w.Candidate, tanh),
            new Gate(Words.Text("step.gate-output"), "Output", w.Output, sigmoid),
        };
        Tensor[] Run(Gate? changed = null, Tensor? value = null, bool tanhOfC = true, bool newC = true)
        {
            var v = gates.Select(g => g == changed ? value! : g.Activation(Affine(g.Weights, x, h))).ToArray();
            var (f, i, gg, o) = (v[0], v[1], v[2], v[3]);
            var cNext = f * c + i * gg;
            var shown = newC ? cNext : c;
            return [o * (tanhOfC ? tanh(shown) : shown), cNext];
        }
        var blocks = gates.Select(g => (g.Property, g.Weights)).ToArray();
        var slips = GateSlips(gates, blocks, x, h, (g, v) => Run(g, v)).Concat(
        [
            new Slip(Words.Text("step.lstm-slip-no-tanh"), () => Run(tanhOfC: false)),
            new Slip(Words.Text("step.lstm-slip-old-c"), () => Run(newC: false)),
            new Slip(Words.Text("step.lstm-slip-swapped"), () => [cN[0], hN[0]]),
        ]);

        string Fallback(Tensor[] got)
        {
            if (Largest(got[1], cN[0]).Amount <= Tolerance)
                return Words.Text("step.lstm-fallback-c-right");
            // With c = 0 the new cell state is i ⊙ g alone; what the step adds on top of that is f ⊙ c.
            var fromInput = step(x, h, zeros_like(c), w).C;
            var f = sigmoid(Affine(w.Forget, x, h));
            var written = Largest(fromInput, sigmoid(Affine(w.Input, x, h)) * tanh(Affine(w.Candidate, x, h)));
            var kept = Largest(got[1] - fromInput, f * c);
            return written.Amount > Tolerance
                ? Words.Format("step.lstm-fallback-written", written.Amount)
                : Words.Format("step.lstm-fallback-kept", kept.Amount);
        }
        return Judge("nn.LSTM", ["h'", "c'"], [hN[0], cN[0]], () => step(x, h, c, w) is var (hs, cs) ? [hs, cs] : [],
            slips, Fallback);
    }

    /// <summary>A GRU step: <c>step(x, h, weights)</c> returns h'.</summary>
    public static StepVerdict Gru(Func<Tensor, Tensor, GruWeights, Tensor> step)
    {
        using var scope = NewDisposeScope();
        var (x, h, _, _) = Inputs();
        using var layer = Seeded(() => nn.GRU(Input, Hidden, batchFirst: true));
        var w = GruWeights.Of(layer);
        var (_, hN) = layer.call(x.unsqueeze(1), h.unsqueeze(0));

        var gates = new[]
        {
            new Gate(Words.Text("step.gate-reset"), "Reset", w.Reset, sigmoid),
            new Gate(Words.Text("step.gate-update"), "Update", w.Update, sigmoid),
        };
        var n = w.Candidate;
        Tensor[] Run(Gate? changed = null, Tensor? value = null, Func<Tensor, Tensor, Tensor>? candidate = null,
            bool swapMix = false)
        {
            var v = gates.Select(g => g == changed ? value! : g.Activation(Affine(g.Weights, x, h))).ToArray();
            var (r, z) = (v[0], v[1]);
            var cand = candidate?.Invoke(r, z) ?? tanh(x.matmul(n.W) + n.BiasX + r * (h.matmul(n.H) + n.BiasH));
            return [swapMix ? z * cand + (1 - z) * h : (1 - z) * cand + z * h];
        }
        Tensor Candidate(GateWeights g, Func<Tensor, Tensor> activation, Tensor r) =>
            activation(x.matmul(g.W) + g.BiasX + r * (h.matmul(g.H) + g.BiasH));
        var candidateSlips = new[]
        {
            new Slip(Words.Text("step.gru-slip-sigmoid"), () => Run(candidate: (r, _) => Candidate(n, sigmoid, r))),
            new Slip(Words.Text("step.gru-slip-reset-weights"),
                () => Run(candidate: (r, _) => Candidate(w.Reset, tanh, r))),
            new Slip(Words.Text("step.gru-slip-update-weights"),
                () => Run(candidate: (r, _) => Candidate(w.Update, tanh, r))),
            new Slip(Words.Text("step.gru-slip-bias-outside"),
                () => Run(candidate: (r, _) => tanh(x.matmul(n.W) + n.BiasX + r * h.matmul(n.H) + n.BiasH))),
            new Slip(Words.Text("step.gru-slip-reset-before"),
                () => Run(candidate: (r, _) => tanh(x.matmul(n.W) + n.BiasX + (r * h).matmul(n.H) + n.BiasH))),
            new Slip(Words.Text("step.gru-slip-no-reset"),
                () => Run(candidate: (_, _) => Candidate(n, tanh, ones_like(h)))),
            new Slip(Words.Text("step.gru-slip-update-for-reset"),
                () => Run(candidate: (_, z) => Candidate(n, tanh, z))),
            new Slip(Words.Text("step.gru-slip-mix-swapped"), () => Run(swapMix: true)),
        };
        var blocks = gates.Select(g => (g.Property, g.Weights)).Append(("Candidate", n)).ToArray();
        var slips = GateSlips(gates, blocks, x, h, (g, v) => Run(g, v)).Concat(candidateSlips);
        return Judge("nn.GRU", ["h'"], [hN[0]], () => [step(x, h, w)], slips,
            _ => Words.Text("step.gru-fallback"));
    }

    sealed record Gate(string Label, string Property, GateWeights Weights, Func<Tensor, Tensor> Activation);

    sealed record Slip(string Problem, Func<Tensor[]> Outputs);

    sealed record Difference(double Amount, long Unit);

    static Tensor Affine(GateWeights g, Tensor x, Tensor h) => x.matmul(g.W) + h.matmul(g.H) + g.B;

    /// <summary>
    /// Each gate with the other activation, without its bias, without h·H, or computed from another of
    /// <paramref name="blocks"/> (the layer's weight blocks by property name).
    /// </summary>
    static IEnumerable<Slip> GateSlips(Gate[] gates, (string Property, GateWeights Weights)[] blocks, Tensor x, Tensor h,
        Func<Gate?, Tensor?, Tensor[]> run)
    {
        foreach (var g in gates)
        {
            bool isSigmoid = g.Activation(zeros(1)).item<float>() > 0.25f;
            yield return new Slip(Words.Format(isSigmoid ? "step.gate-slip-tanh" : "step.gate-slip-sigmoid", g.Label),
                () => run(g, (isSigmoid ? (Func<Tensor, Tensor>)tanh : sigmoid)(Affine(g.Weights, x, h))));
            yield return new Slip(Words.Format("step.gate-slip-bias", g.Label),
                () => run(g, g.Activation(x.matmul(g.Weights.W) + h.matmul(g.Weights.H))));
            yield return new Slip(Words.Format("step.gate-slip-state-term", g.Label),
                () => run(g, g.Activation(x.matmul(g.Weights.W) + g.Weights.B)));
            foreach (var (property, weights) in blocks.Where(b => b.Property != g.Property))
                yield return new Slip(Words.Format("step.gate-slip-weights", g.Label, property, g.Property),
                    () => run(g, g.Activation(Affine(weights, x, h))));
        }
    }

    static StepVerdict Judge(string layer, string[] names, Tensor[] expected, Func<Tensor[]> run, IEnumerable<Slip> slips,
        Func<Tensor[], string> fallback)
    {
        Tensor[] got;
        try
        {
            got = run();
        }
        catch (NotImplementedException e)
        {
            // A stub of the student edition: its message names the piece still to write.
            return new StepVerdict(false, Words.Format("step.stub", e.Message));
        }
        catch (Exception e)
        {
            return new StepVerdict(false,
                // (A matmul of mismatched shapes cannot be caught here: TorchSharp 0.107 stops the process on it.)
                Words.Format("step.failed", e.Message.Split('\n')[0].Trim(), Batch, Input, Hidden));
        }
        for (int k = 0; k < names.Length; k++)
        {
            if (k >= got.Length || got[k] is null)
                return new StepVerdict(false, Words.Format("step.returned-none", names[k]));
            if (!got[k].shape.SequenceEqual(expected[k].shape))
                return new StepVerdict(false, Words.Format("step.wrong-shape",
                    names[k], string.Join(", ", got[k].shape), layer, Batch, Hidden, Input));
        }
        var differences = names.Select((_, k) => Largest(got[k], expected[k])).ToArray();
        if (differences.All(d => d.Amount <= Tolerance))
            return new StepVerdict(true, Words.Format("step.passed", layer,
                names.Aggregate((a, b) => Words.Format("step.and", a, b)), differences.Max(d => d.Amount), Batch, Input, Hidden));
        string summary = string.Join("; ", names.Select((name, k) => differences[k].Amount <= Tolerance
            ? Words.Format("step.output-matches", name)
            : Words.Format("step.output-differs", name, layer, differences[k].Amount, differences[k].Unit)));
        foreach (var slip in slips)
            if (Same(got, slip.Outputs()))
                return new StepVerdict(false, Words.Format("step.slip-found", summary, slip.Problem));
        return new StepVerdict(false, Words.Format("step.slip-unknown", summary, fallback(got)));
    }

    static bool Same(Tensor[] got, Tensor[] slip) =>
        got.Length == slip.Length && got.Zip(slip).All(p => p.First.shape.SequenceEqual(p.Second.shape) &&
                                                            Largest(p.First, p.Second).Amount <= Tolerance);

    static Difference Largest(Tensor got, Tensor expected)
    {
        var diff = (got.to_type(expected.dtype) - expected).abs().flatten();
        if (diff.isnan().any().item<bool>())
            return new Difference(double.PositiveInfinity, diff.isnan().nonzero()[0, 0].item<long>() % Hidden);
        return new Difference(diff.max().item<float>(), diff.argmax().item<long>() % Hidden);
    }

    /// <summary>An input, a hidden state and a cell state to step from, and an earlier input.</summary>
    static (Tensor X, Tensor H, Tensor C, Tensor Earlier) Inputs()
    {
        var generator = new Generator(12);
        Tensor Draw(params long[] shape) => rand(shape, generator: generator) * 2 - 1;
        return (Draw(Batch, Input), Draw(Batch, Hidden), Draw(Batch, Hidden), Draw(Batch, Input));
    }

    /// <summary>A built-in layer initialised from a fixed seed; the global generator is left as it was.</summary>
    static T Seeded<T>(Func<T> create) where T : nn.Module
    {
        var state = random.get_rng_state().clone();
        manual_seed(7);
        var layer = create();
        random.set_rng_state(state);
        return layer;
    }
}
