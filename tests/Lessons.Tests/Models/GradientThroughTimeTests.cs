using Lessons.Models;

namespace Lessons.Tests.Models;

public class GradientThroughTimeTests
{
    const int Size = 16, Steps = 30, Batch = 8;

    public GradientThroughTimeTests() => ModelTestData.Ready();

    [Fact]
    public void The_rnns_gradient_vanishes_over_a_long_headline_and_the_lstms_falls_off_far_less()
    {
        var rnn = GradientThroughTime.Norms(CellKind.Rnn, Size, Size, Steps, Batch, seed: 0);
        var lstm = GradientThroughTime.Norms(CellKind.Lstm, Size, Size, Steps, Batch, seed: 0);

        Assert.Equal(Steps, rnn.Length);
        // Relative to the last step, how much of the signal reaches the first token.
        double rnnReach = rnn[0] / rnn[^1], lstmReach = lstm[0] / lstm[^1];
        Assert.True(rnnReach < 1e-6, $"RNN: |dL/dh_0| / |dL/dh_T| = {rnnReach:G3}, expected a vanished gradient");
        Assert.True(lstmReach > 1000 * rnnReach, $"LSTM reach {lstmReach:G3} is not far above the RNN's {rnnReach:G3}");
    }

    [Fact]
    public void The_last_steps_gradient_is_the_loss_itself_and_the_numbers_repeat_with_the_seed()
    {
        // loss = sum of the final state, so dL/dh_T is all ones: its norm is sqrt(batch x hidden).
        var first = GradientThroughTime.Norms(CellKind.Gru, Size, Size, steps: 6, Batch, seed: 3);
        var again = GradientThroughTime.Norms(CellKind.Gru, Size, Size, steps: 6, Batch, seed: 3);

        Assert.Equal(Math.Sqrt(Batch * Size), first[^1], 4);
        Assert.Equal(first, again);
        Assert.True(first[0] < first[^1]);
    }

    [Fact]
    public void A_trained_classifiers_first_layer_can_be_measured_on_real_token_ids()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        TorchSharp.torch.manual_seed(9);
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Rnn));
        var (tokens, _) = ModelTestData.Batch([[5, 9, 2, 7, 3, 8], [4, 4, 6, 10, 11, 12]]);

        var norms = GradientThroughTime.Norms(model, tokens);

        Assert.Equal(6, norms.Length);
        Assert.Equal(Math.Sqrt(2 * 5), norms[^1], 4);
    }

    [Fact]
    public void Large_recurrent_weights_make_the_gradient_explode_with_the_length_and_clipping_caps_it_at_one()
    {
        var drawn = GradientThroughTime.ParameterNorms(recurrentScale: 1, inputSize: Size, hiddenSize: Size, steps: Steps, batch: Batch);
        var large = GradientThroughTime.ParameterNorms(recurrentScale: 4, inputSize: Size, hiddenSize: Size, steps: Steps, batch: Batch);
        var clipped = GradientThroughTime.ParameterNorms(recurrentScale: 4, clipNorm: 1, inputSize: Size, hiddenSize: Size, steps: Steps, batch: Batch);

        Assert.Equal(Steps, large.Length);
        // One step reads no H: the same length whatever its scale.
        Assert.Equal(drawn[0], large[0], 3);
        Assert.True(drawn.Max() < 3 * drawn.Min(), $"H as drawn: from {drawn.Min():G3} to {drawn.Max():G3}, expected level");
        Assert.True(large[^1] > 30 * large[0], $"H x 4: {large[0]:G3} after 1 step, {large[^1]:G3} after {Steps}");
        Assert.All(clipped, length => Assert.Equal(1, length, 3));
        Assert.Equal(large, GradientThroughTime.ParameterNorms(recurrentScale: 4, inputSize: Size, hiddenSize: Size, steps: Steps, batch: Batch));
    }
}
