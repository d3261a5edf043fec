using Lessons.Models;
using Lessons.Models.Kernels;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Tests.Models;

/// <summary>
/// The kit's kernels compute what LibTorch's nn.LSTM, nn.GRU and nn.RNN compute, forwards and backwards: on a
/// PackedSequence (packed) and on the padded batch itself (padded).
/// </summary>
public class RecurrentKernelsTests
{
    const int Input = 6, Hidden = 5, Steps = 7;

    /// <summary>A hidden size whose gate rows fill whole SIMD registers and leave a remainder (see VectorMatrix).</summary>
    const int WideHidden = 17;

    public RecurrentKernelsTests() => ModelTestData.Ready();

    /// <summary>Lengths 4, 7, 2, 7, 1: unsorted, with a tie and a one-token row.</summary>
    static readonly long[] Lengths = [4, 7, 2, 7, 1];

    static RecurrentLayerSpec Spec(CellKind kind, int layers = 1, bool bidirectional = false, int hidden = Hidden) =>
        new(kind, Input, hidden, layers, bidirectional);

    /// <summary>What the built-in layer returns: output [B, T, D] (padded back when packed), h_n and, for the LSTM, c_n.</summary>
    static (Tensor Output, Tensor H, Tensor? C) RunBuiltIn(nn.Module layer, Tensor x, Tensor lengths, bool packed)
    {
        if (!packed) return layer switch
        {
            LSTM lstm => lstm.call(x) is var (o, h, c) ? (o, h, c) : default,
            GRU gru => gru.call(x) is var (o, h) ? (o, h, null) : default,
            RNN rnn => rnn.call(x) is var (o, h) ? (o, h, null) : default,
            _ => throw new InvalidOperationException(),
        };
        using var sequence = Rnn.pack_padded_sequence(x, lengths, batch_first: true, enforce_sorted: false);
        var (output, hN, cN) = layer switch
        {
            LSTM lstm => lstm.call(sequence) is var (o, h, c) ? (o, h, (Tensor?)c) : default,
            GRU gru => gru.call(sequence) is var (o, h) ? (o, h, null) : default,
            RNN rnn => rnn.call(sequence) is var (o, h) ? (o, h, null) : default,
            _ => throw new InvalidOperationException(),
        };
        using (output) return (Rnn.pad_packed_sequence(output, batch_first: true, total_length: Steps).Item1, hN, cN);
    }

    public static TheoryData<CellKind> Kinds => [CellKind.Rnn, CellKind.Lstm, CellKind.Gru];

    /// <summary>Every kind, 1 or 2 layers, one or both directions, packed or padded; the wide hidden size for the deepest.</summary>
    public static TheoryData<CellKind, int, bool, bool, int> Configurations()
    {
        var data = new TheoryData<CellKind, int, bool, bool, int>();
        foreach (var kind in Kinds)
            foreach (bool packed in new[] { true, false })
            {
                foreach (int layers in new[] { 1, 2 })
                    foreach (bool bidirectional in new[] { false, true })
                        data.Add(kind, layers, bidirectional, packed, Hidden);
                data.Add(kind, 2, true, packed, WideHidden);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Outputs_states_and_gradients_equal_the_built_in_layer(CellKind kind, int layers, bool bidirectional, bool packed, int hidden)
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var spec = Spec(kind, layers, bidirectional, hidden);
        using var layer = spec.Build();
        var lengths = tensor(Lengths);
        var data = randn(Lengths.Length, Steps, Input);
        int width = (bidirectional ? 2 : 1) * hidden, finals = layers * (bidirectional ? 2 : 1);
        // A loss that reaches every output, every final h and every final c, each with its own weight.
        var outWeights = randn(Lengths.Length, Steps, width);
        var hWeights = randn(finals, Lengths.Length, hidden);
        var cWeights = randn(finals, Lengths.Length, hidden);
        Tensor Loss(Tensor output, Tensor h, Tensor? c) => (output * outWeights).sum() + (h * hWeights).sum() + (c is null ? 0 : (c * cWeights).sum());

        var xBuiltIn = data.clone().requires_grad_(true);
        var expected = RunBuiltIn(layer, xBuiltIn, lengths, packed);
        Loss(expected.Output, expected.H, expected.C).backward();
        var expectedGrads = layer.parameters().Select(p => p.grad!.clone()).ToArray();
        layer.zero_grad();

        var xKernel = data.clone().requires_grad_(true);
        var run = RecurrentKernels.Run(layer, spec, xKernel, packed ? lengths : null);
        Loss(run.Output, run.HiddenN, run.CellN).backward();

        Assert.Equal(expected.Output.shape, run.Output.shape);
        Assert.True(ModelTestData.MaxDifference(expected.Output, run.Output) < 1e-5f, "outputs differ");
        Assert.True(ModelTestData.MaxDifference(expected.H, run.HiddenN) < 1e-5f, "final hidden states differ");
        Assert.Equal(kind == CellKind.Lstm, run.CellN is not null);
        if (expected.C is not null) Assert.True(ModelTestData.MaxDifference(expected.C, run.CellN!) < 1e-5f, "final cell states differ");
        Assert.True(ModelTestData.MaxDifference(xBuiltIn.grad!, xKernel.grad!) < 1e-5f, "input gradients differ");
        var names = layer.named_parameters().Select(p => p.name).ToArray();
        var actualGrads = layer.parameters().Select(p => p.grad!).ToArray();
        for (int k = 0; k < names.Length; k++)
            Assert.True(ModelTestData.MaxDifference(expectedGrads[k], actualGrads[k]) < 1e-5f, $"{names[k]} gradients differ");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Packed_padding_steps_are_zero_and_never_computed(CellKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        var spec = Spec(kind, bidirectional: true);
        using var layer = spec.Build();
        var data = randn(Lengths.Length, 9, Input);
        var withNaNPadding = data.clone();
        for (int b = 0; b < Lengths.Length; b++) withNaNPadding[b, (int)Lengths[b]..] = float.NaN;   // padding the kernel must not read

        var run = RecurrentKernels.Run(layer, spec, withNaNPadding, tensor(Lengths));

        Assert.False(run.Output.isnan().any().item<bool>(), "a padding value reached the output");
        for (int b = 0; b < Lengths.Length; b++)
            Assert.Equal(0f, run.Output[b, (int)Lengths[b]..].abs().sum().item<float>());
        Assert.Equal(9, run.Output.shape[1]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Only_the_outputs_used_by_the_loss_need_gradients(CellKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(23);
        var spec = Spec(kind);
        using var layer = spec.Build();
        var run = RecurrentKernels.Run(layer, spec, randn(Lengths.Length, 7, Input), tensor(Lengths));
        run.HiddenN.sum().backward();   // c_n and the per-step outputs get no gradient
        Assert.True(layer.parameters().All(p => p.grad is not null && !p.grad.isnan().any().item<bool>()));
    }

    [Fact]
    public void Kernels_serve_float32_batch_first_tanh_on_the_cpu_and_refuse_the_rest()
    {
        foreach (var kind in new[] { CellKind.Rnn, CellKind.Lstm, CellKind.Gru })
        {
            Assert.True(RecurrentKernels.Serves(Spec(kind), DeviceType.CPU, ScalarType.Float32));
            Assert.False(RecurrentKernels.Serves(Spec(kind) with { BatchFirst = false }, DeviceType.CPU, ScalarType.Float32));
            Assert.False(RecurrentKernels.Serves(Spec(kind), DeviceType.CPU, ScalarType.Float64));
            Assert.False(RecurrentKernels.Serves(Spec(kind), DeviceType.CUDA, ScalarType.Float32));
        }
        var relu = Spec(CellKind.Rnn) with { Nonlinearity = nn.NonLinearities.ReLU };
        Assert.Equal("the RNN kernel computes tanh, not ReLU", RecurrentKernels.Refusal(relu, DeviceType.CPU, ScalarType.Float32));
    }

    [Fact]
    public void A_relu_rnn_is_refused_by_run_rather_than_computed_as_tanh()
    {
        using var scope = NewDisposeScope();
        var relu = Spec(CellKind.Rnn) with { Nonlinearity = nn.NonLinearities.ReLU };
        using var layer = relu.Build();
        var error = Assert.Throws<ArgumentException>(() => RecurrentKernels.Run(layer, relu, randn(2, 3, Input), null));
        Assert.Contains("tanh, not ReLU", error.Message);
    }

    [Fact]
    public void Auto_leaves_the_padded_lstm_to_libtorch_kit_takes_it_and_libtorch_takes_everything()
    {
        RecurrentEngine Choose(RecurrentEngine engine, CellKind kind, bool packed) =>
            RecurrentKernels.Choose(engine, Spec(kind), packed, DeviceType.CPU, ScalarType.Float32);
        Assert.Equal(RecurrentEngine.LibTorch, Choose(RecurrentEngine.Auto, CellKind.Lstm, packed: false));   // oneDNN's fused LSTM
        Assert.Equal(RecurrentEngine.Kit, Choose(RecurrentEngine.Auto, CellKind.Lstm, packed: true));
        Assert.Equal(RecurrentEngine.Kit, Choose(RecurrentEngine.Auto, CellKind.Gru, packed: false));
        Assert.Equal(RecurrentEngine.Kit, Choose(RecurrentEngine.Auto, CellKind.Rnn, packed: true));
        Assert.Equal(RecurrentEngine.Kit, Choose(RecurrentEngine.Kit, CellKind.Lstm, packed: false));
        foreach (var kind in new[] { CellKind.Rnn, CellKind.Lstm, CellKind.Gru })
            Assert.Equal(RecurrentEngine.LibTorch, Choose(RecurrentEngine.LibTorch, kind, packed: true));
        Assert.Equal(RecurrentEngine.LibTorch,
            RecurrentKernels.Choose(RecurrentEngine.Auto, Spec(CellKind.Gru), false, DeviceType.CPU, ScalarType.Float64));
    }

    [Fact]
    public void Engine_kit_where_the_kernels_cannot_serve_is_an_error_naming_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            RecurrentKernels.Choose(RecurrentEngine.Kit, Spec(CellKind.Gru), true, DeviceType.CUDA, ScalarType.Float32));
        Assert.Contains("on the CPU, not on CUDA", error.Message);
    }

    [Theory]
    [InlineData(RecurrentEngine.Auto, CellKind.Gru, false, RecurrentEngine.Kit, "on the kit's kernels")]
    [InlineData(RecurrentEngine.Auto, CellKind.Lstm, false, RecurrentEngine.LibTorch, "on LibTorch")]
    [InlineData(RecurrentEngine.Kit, CellKind.Lstm, false, RecurrentEngine.Kit, "on the kit's kernels")]
    [InlineData(RecurrentEngine.LibTorch, CellKind.Lstm, true, RecurrentEngine.LibTorch, "on LibTorch")]
    public void The_classifier_says_which_engine_runs_it(RecurrentEngine engine, CellKind kind, bool packed, RecurrentEngine runs, string words)
    {
        using var model = new RecurrentClassifier(ClassifierOptions.For(kind, 50) with { Engine = engine, Packed = packed });
        Assert.Equal(runs, model.Engine);
        Assert.EndsWith(words, model.Describe());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_engine_gives_the_classifier_the_same_logits(CellKind kind)
    {
        using var scope = NewDisposeScope();
        var tokens = tensor(new long[,] { { 5, 6, 7, 1 }, { 8, 9, 1, 1 } });
        var lengths = tensor(new long[] { 3, 2 });
        using var libTorch = new RecurrentClassifier(ClassifierOptions.For(kind, 20) with { Engine = RecurrentEngine.LibTorch, Bidirectional = true });
        using var kit = new RecurrentClassifier(libTorch.Options with { Engine = RecurrentEngine.Kit });
        kit.load_state_dict(libTorch.state_dict());   // the same weights, whatever other tests do to the global seed
        libTorch.eval();
        kit.eval();
        float difference = ModelTestData.MaxDifference(libTorch.call(tokens, lengths), kit.call(tokens, lengths));
        Assert.True(difference < 1e-5f, $"kit and LibTorch differ by {difference}");
    }
}
