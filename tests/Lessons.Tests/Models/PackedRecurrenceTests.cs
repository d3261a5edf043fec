using Lessons.Models;
using Lessons.Models.Packed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Tests.Models;

/// <summary>
/// The kit's kernels compute what LibTorch's nn.LSTM, nn.GRU and nn.RNN compute, forwards and backwards: on a
/// PackedSequence (packed) and on the padded batch itself (padded).
/// </summary>
public class PackedRecurrenceTests
{
    const int Input = 6, Hidden = 5, Steps = 7;

    /// <summary>A hidden size whose gate rows fill whole SIMD registers and leave a remainder (see VectorMatrix).</summary>
    const int WideHidden = 17;

    public PackedRecurrenceTests() => ModelTestData.Ready();

    /// <summary>Lengths 4, 7, 2, 7, 1: unsorted, with a tie and a one-token row.</summary>
    static readonly long[] Lengths = [4, 7, 2, 7, 1];

    static nn.Module NewLayer(CellKind kind, int layers = 1, bool bidirectional = false, int hidden = Hidden) => kind switch
    {
        CellKind.Lstm => nn.LSTM(Input, hidden, layers, batchFirst: true, bidirectional: bidirectional),
        CellKind.Gru => nn.GRU(Input, hidden, layers, batchFirst: true, bidirectional: bidirectional),
        _ => nn.RNN(Input, hidden, layers, batchFirst: true, bidirectional: bidirectional),
    };

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
        using var layer = NewLayer(kind, layers, bidirectional, hidden);
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
        var run = PackedRecurrence.Run(layer, xKernel, packed ? lengths : null, layers, bidirectional, layerDropout: 0);
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
        using var layer = NewLayer(kind, bidirectional: true);
        var data = randn(Lengths.Length, 9, Input);
        var withNaNPadding = data.clone();
        for (int b = 0; b < Lengths.Length; b++) withNaNPadding[b, (int)Lengths[b]..] = float.NaN;   // padding the kernel must not read

        var run = PackedRecurrence.Run(layer, withNaNPadding, tensor(Lengths), 1, true, 0);

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
        using var layer = NewLayer(kind);
        var run = PackedRecurrence.Run(layer, randn(Lengths.Length, 7, Input), tensor(Lengths), 1, false, 0);
        run.HiddenN.sum().backward();   // c_n and the per-step outputs get no gradient
        Assert.True(layer.parameters().All(p => p.grad is not null && !p.grad.isnan().any().item<bool>()));
    }

    [Fact]
    public void Kernels_serve_float32_on_the_cpu_and_leave_the_padded_lstm_to_libtorch()
    {
        using var scope = NewDisposeScope();
        using var lstm = NewLayer(CellKind.Lstm);
        using var gru = NewLayer(CellKind.Gru);
        using var rnn = NewLayer(CellKind.Rnn);
        var x = randn(2, 3, Input);
        Assert.True(PackedRecurrence.Serves(lstm, x, packed: true));
        Assert.False(PackedRecurrence.Serves(lstm, x, packed: false));   // oneDNN's fused LSTM is faster
        Assert.True(PackedRecurrence.Serves(gru, x, packed: false));
        Assert.True(PackedRecurrence.Serves(rnn, x, packed: true));
        Assert.False(PackedRecurrence.Serves(gru, x.to(float64), packed: false));
    }

    [Fact]
    public void Inside_BuiltInOnly_every_layer_runs_on_libtorch_and_afterwards_the_kernels_again()
    {
        using var scope = NewDisposeScope();
        using var gru = NewLayer(CellKind.Gru);
        var x = randn(2, 3, Input);
        using (PackedRecurrence.BuiltInOnly())
        {
            Assert.False(PackedRecurrence.Serves(gru, x, packed: true));
            using (PackedRecurrence.BuiltInOnly()) Assert.False(PackedRecurrence.Serves(gru, x, packed: false));
            Assert.False(PackedRecurrence.Serves(gru, x, packed: false));   // the inner scope's end keeps the outer one
        }
        Assert.True(PackedRecurrence.Serves(gru, x, packed: true));
    }
}
