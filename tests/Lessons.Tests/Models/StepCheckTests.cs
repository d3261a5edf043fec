using Lessons.Models;
using Lessons.Tests.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>The step checks pass a right step and name what is wrong in a broken one.</summary>
[Collection(SeededTorchCollection.Name)] // one test asserts the global generator is left as it was
public class StepCheckTests
{
    public StepCheckTests() => ModelTestData.Ready();

    static Tensor RnnStep(Tensor x, Tensor s, Tensor W, Tensor H, Tensor b) => tanh(x.matmul(W) + s.matmul(H) + b);

    static Tensor Line(GateWeights g, Tensor x, Tensor h) => x.matmul(g.W) + h.matmul(g.H) + g.B;

    static (Tensor H, Tensor C) LstmStep(Tensor x, Tensor h, Tensor c, LstmWeights w,
        Func<Tensor, Tensor>? forget = null, Func<Tensor, Tensor>? candidate = null, GateWeights? forgetWeights = null,
        double outputScale = 1)
    {
        var f = (forget ?? sigmoid)(Line(forgetWeights ?? w.Forget, x, h));
        var i = sigmoid(Line(w.Input, x, h));
        var g = (candidate ?? tanh)(Line(w.Candidate, x, h));
        var o = sigmoid(Line(w.Output, x, h)) * outputScale;
        var cNext = f * c + i * g;
        return (o * tanh(cNext), cNext);
    }

    static Tensor GruStep(Tensor x, Tensor h, GruWeights w, bool swapMix = false)
    {
        var r = sigmoid(Line(w.Reset, x, h));
        var z = sigmoid(Line(w.Update, x, h));
        var n = tanh(x.matmul(w.Candidate.W) + w.Candidate.BiasX + r * (h.matmul(w.Candidate.H) + w.Candidate.BiasH));
        return swapMix ? z * n + (1 - z) * h : (1 - z) * n + z * h;
    }

    [Fact]
    public void Right_steps_pass_and_say_how_close_they_are()
    {
        foreach (var verdict in new[] { StepCheck.Rnn(RnnStep), StepCheck.Lstm((x, h, c, w) => LstmStep(x, h, c, w)),
                     StepCheck.Gru((x, h, w) => GruStep(x, h, w)) })
        {
            Assert.True(verdict.Passed, verdict.Message);
            Assert.StartsWith("✓ Your step matches nn.", verdict.Message);
            Assert.Contains("largest difference", verdict.Message);
        }
    }

    [Fact]
    public void A_state_of_the_wrong_shape_is_named_with_both_shapes()
    {
        var verdict = StepCheck.Rnn((x, s, W, H, b) => RnnStep(x, s, W, H, b).t());

        Assert.False(verdict.Passed);
        Assert.Contains("returned s' of shape [3, 2]; nn.RNN gives [2, 3] (batch × hidden), one row per example", verdict.Message);
    }

    [Fact]
    public void A_step_that_throws_is_caught_and_the_shapes_are_spelled_out()
    {
        var verdict = StepCheck.Rnn((x, s, W, H, b) => throw new ArgumentException("the state is missing."));

        Assert.False(verdict.Passed);
        Assert.StartsWith("✗ Your step failed before returning: the state is missing. Check the shapes: x is [2, 4]", verdict.Message);
    }

    [Fact]
    public void A_missing_bias_in_the_rnn_step_is_named()
    {
        var verdict = StepCheck.Rnn((x, s, W, H, b) => tanh(x.matmul(W) + s.matmul(H)));

        Assert.Contains("It is exactly what you get when the bias b is left out.", verdict.Message);
    }

    [Fact]
    public void A_forget_gate_with_the_input_gates_weights_is_named()
    {
        var verdict = StepCheck.Lstm((x, h, c, w) => LstmStep(x, h, c, w, forgetWeights: w.Input));

        Assert.False(verdict.Passed);
        Assert.Matches(@"h' differs from nn\.LSTM by up to [0-9.]+ \(largest at unit [0-2]\); c' differs", verdict.Message);
        Assert.Contains("the forget gate (f) uses the weights of w.Input where it should use w.Forget", verdict.Message);
    }

    [Fact]
    public void A_candidate_with_sigmoid_instead_of_tanh_is_named()
    {
        var verdict = StepCheck.Lstm((x, h, c, w) => LstmStep(x, h, c, w, candidate: sigmoid));

        Assert.Contains("the candidate (g) uses σ instead of tanh", verdict.Message);
    }

    [Fact]
    public void A_forget_gate_with_tanh_is_named()
    {
        var verdict = StepCheck.Lstm((x, h, c, w) => LstmStep(x, h, c, w, forget: tanh));

        Assert.Contains("the forget gate (f) uses tanh instead of σ", verdict.Message);
    }

    [Fact]
    public void An_unusual_slip_in_the_output_gate_is_located_from_c_being_right()
    {
        var verdict = StepCheck.Lstm((x, h, c, w) => LstmStep(x, h, c, w, outputScale: 0.5));

        Assert.Contains("c' matches", verdict.Message);
        Assert.Contains("look at the output gate line", verdict.Message);
    }

    [Fact]
    public void An_unusual_slip_in_the_forget_gate_is_located_by_probing_with_an_empty_cell_state()
    {
        var verdict = StepCheck.Lstm((x, h, c, w) => LstmStep(x, h, c, w, forget: t => sigmoid(t) * 0.5));

        Assert.Contains("what is kept of the old cell state, f ⊙ c, differs", verdict.Message);
        Assert.Contains("look at the forget gate line", verdict.Message);
    }

    [Fact]
    public void A_gru_mixing_the_old_state_and_the_candidate_the_wrong_way_round_is_named()
    {
        var verdict = StepCheck.Gru((x, h, w) => GruStep(x, h, w, swapMix: true));

        Assert.Contains("z and 1 − z are swapped", verdict.Message);
    }

    [Fact]
    public void The_check_leaves_the_global_generator_as_it_was()
    {
        manual_seed(3);
        var expected = rand(4);
        manual_seed(3);
        StepCheck.Gru((x, h, w) => GruStep(x, h, w));

        Assert.Equal(expected.data<float>().ToArray(), rand(4).data<float>().ToArray());
    }
}
