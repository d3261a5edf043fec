using Lessons.Models;
using Lessons.Tests.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>ClassifierOptions.ForgetBias: the keep gate's starting bias, where it lands and what reads it.</summary>
[Collection(SeededTorchCollection.Name)]   // two models from one seed must draw the same weights
public class ForgetBiasTests
{
    const float Bias = 4f;

    public ForgetBiasTests() => ModelTestData.Ready();

    static bool Same(Tensor a, Tensor b) => a.eq(b).all().item<bool>();

    /// <summary>A model with the forget bias and one without, from the same seed.</summary>
    static (RecurrentClassifier WithBias, RecurrentClassifier Plain) Pair(CellKind kind,
        RecurrentEngine engine = RecurrentEngine.Auto)
    {
        var options = ModelTestData.Tiny(kind, bidirectional: true, layers: 2) with { Engine = engine };
        manual_seed(11);
        var withBias = new RecurrentClassifier(options with { ForgetBias = Bias });
        manual_seed(11);
        return (withBias, new RecurrentClassifier(options));
    }

    [Theory]
    [InlineData(CellKind.Lstm, 4)]   // i, f, g, o: f is the second block
    [InlineData(CellKind.Gru, 3)]    // r, z, n: z is the second block
    public void The_bias_sets_the_second_gate_block_of_every_layer_and_direction_and_nothing_else(CellKind kind, int gates)
    {
        using var scope = NewDisposeScope();
        var (withBias, plain) = Pair(kind);
        using var a = withBias;
        using var b = plain;
        int h = ModelTestData.Tiny(kind).Hidden;
        foreach (int layer in (int[])[0, 1])
            foreach (bool reverse in (bool[])[false, true])
            {
                var set = withBias.LayerWeights(layer, reverse);
                var drawn = plain.LayerWeights(layer, reverse);
                string where = $"{kind} layer {layer}{(reverse ? " reverse" : "")}";
                Assert.True(set.BiasIh[h..(2 * h)].eq(Bias).all().item<bool>(),
                    $"{where}: bias_ih's second block is not {Bias}");
                Assert.True(set.BiasHh[h..(2 * h)].eq(0).all().item<bool>(), $"{where}: bias_hh's second block is not 0");
                Assert.Equal(gates * h, set.BiasIh.shape[0]);
                var biases = new[] { (set.BiasIh, drawn.BiasIh, "bias_ih"), (set.BiasHh, drawn.BiasHh, "bias_hh") };
                foreach (var (mine, theirs, name) in biases)
                {
                    var others = cat([mine[..h], mine[(2 * h)..]]);
                    var expected = cat([theirs[..h], theirs[(2 * h)..]]);
                    Assert.True(Same(others, expected), $"{where}: {name} changed outside the second block");
                }
                Assert.True(Same(set.WeightIh, drawn.WeightIh) && Same(set.WeightHh, drawn.WeightHh),
                    $"{where}: a weight changed");
            }
    }

    [Fact]
    public void The_simple_rnn_has_no_gate_and_keeps_pytorchs_start()
    {
        using var scope = NewDisposeScope();
        var (withBias, plain) = Pair(CellKind.Rnn);
        using var a = withBias;
        using var b = plain;
        foreach (var ((name, mine), (_, theirs)) in withBias.named_parameters().Zip(plain.named_parameters()))
            Assert.True(Same(mine, theirs), $"{name} changed");
    }

    [Theory]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    public void The_kits_kernels_and_libtorch_read_the_same_bias(CellKind kind)
    {
        using var scope = NewDisposeScope();
        var tokens = tensor(new long[,] { { 5, 6, 7, 8, 9, 10 }, { 8, 9, 2, 3, 1, 1 } });
        var lengths = tensor(new long[] { 6, 4 });
        var (libTorch, plain) = Pair(kind, RecurrentEngine.LibTorch);
        using var a = libTorch;
        using var b = plain;
        using var kit = new RecurrentClassifier(libTorch.Options with { Engine = RecurrentEngine.Kit });
        kit.load_state_dict(libTorch.state_dict());
        libTorch.eval();
        kit.eval();
        plain.eval();
        var logits = libTorch.call(tokens, lengths);
        float difference = ModelTestData.MaxDifference(logits, kit.call(tokens, lengths));
        Assert.True(difference < 1e-5f, $"kit and LibTorch differ by {difference}");
        Assert.True(ModelTestData.MaxDifference(logits, plain.call(tokens, lengths)) > 1e-3f, "the bias changed nothing");
    }

    [Fact]
    public void A_forget_bias_that_is_not_a_number_is_a_clear_error()
    {
        var options = ModelTestData.Tiny(CellKind.Lstm) with { ForgetBias = double.NaN };
        var error = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Contains("ForgetBias must be a finite number (got NaN)", error.Message);
    }
}
