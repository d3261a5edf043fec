using Lessons.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>d2l's check: the cell written by hand computes what the built-in layer computes, forwards and backwards.</summary>
public class HandWrittenCellTests
{
    const int Input = 4, Hidden = 3, Batch = 2, Steps = 5;

    public HandWrittenCellTests() => ModelTestData.Ready();

    static nn.Module BuiltIn(CellKind kind, bool bidirectional = false) => kind switch
    {
        CellKind.Rnn => nn.RNN(Input, Hidden, batchFirst: true, bidirectional: bidirectional),
        CellKind.Lstm => nn.LSTM(Input, Hidden, batchFirst: true, bidirectional: bidirectional),
        _ => nn.GRU(Input, Hidden, batchFirst: true, bidirectional: bidirectional),
    };

    static (Tensor Output, Tensor H, Tensor? C) RunBuiltIn(nn.Module layer, Tensor x) => layer switch
    {
        TorchSharp.Modules.LSTM lstm => lstm.call(x) is var (o, h, c) ? (o, h, c) : default,
        TorchSharp.Modules.GRU gru => gru.call(x) is var (o, h) ? (o, h, null) : default,
        TorchSharp.Modules.RNN rnn => rnn.call(x) is var (o, h) ? (o, h, null) : default,
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [InlineData(CellKind.Rnn)]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    public void Outputs_final_states_and_gradients_equal_the_built_in_layer(CellKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        using var layer = BuiltIn(kind);
        using var cell = RecurrentCell.Create(kind, Input, Hidden);
        var builtInWeights = BuiltInWeights.Of(layer);
        cell.Load(builtInWeights);
        var lengths = tensor(new long[] { Steps, Steps });
        var data = randn(Batch, Steps, Input);
        var weights = randn(Batch, Steps, Hidden); // a scalar loss that reaches every step: sum(output * weights) + sum(final h)
        var xBuiltIn = data.clone().requires_grad_(true);
        var xHand = data.clone().requires_grad_(true);

        var expected = RunBuiltIn(layer, xBuiltIn);
        var actual = Unroller.Run(cell, xHand, lengths);
        ((expected.Output * weights).sum() + expected.H.sum() + (expected.C?.sum() ?? zeros(1))).backward();
        ((actual.Hidden * weights).sum() + actual.Final.H.sum() + (actual.Final.C?.sum() ?? zeros(1))).backward();

        Assert.True(ModelTestData.MaxDifference(expected.Output, actual.Hidden) < 1e-5f, "outputs differ");
        Assert.True(ModelTestData.MaxDifference(expected.H[0], actual.Final.H) < 1e-5f, "final hidden states differ");
        if (kind == CellKind.Lstm) Assert.True(ModelTestData.MaxDifference(expected.C![0], actual.Final.C!) < 1e-5f, "final cell states differ");
        Assert.True(ModelTestData.MaxDifference(xBuiltIn.grad!, xHand.grad!) < 1e-5f, "input gradients differ");
        var handGrads = cell.InBuiltInLayout(p => p.grad!);
        var (wIh, wHh, bIh, bHh) = builtInWeights.Gradients;
        Assert.True(ModelTestData.MaxDifference(wIh!, handGrads.WeightIh) < 1e-5f, "weight_ih gradients differ");
        Assert.True(ModelTestData.MaxDifference(wHh!, handGrads.WeightHh) < 1e-5f, "weight_hh gradients differ");
        Assert.True(ModelTestData.MaxDifference(bIh!, handGrads.BiasIh) < 1e-5f, "bias_ih gradients differ");
        Assert.True(ModelTestData.MaxDifference(bHh!, handGrads.BiasHh) < 1e-5f, "bias_hh gradients differ");
    }

    [Theory]
    [InlineData(CellKind.Rnn)]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    public void Both_directions_over_rows_of_different_lengths_equal_the_packed_built_in_layer(CellKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var layer = BuiltIn(kind, bidirectional: true);
        using var forward = RecurrentCell.Create(kind, Input, Hidden);
        using var backward = RecurrentCell.Create(kind, Input, Hidden);
        forward.Load(BuiltInWeights.Of(layer));
        backward.Load(BuiltInWeights.Of(layer, reverse: true));
        var x = randn(3, Steps, Input);
        var lengths = tensor(new long[] { 3, 5, 1 });

        using var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: true, enforce_sorted: false);
        var (packedOutput, h) = layer switch
        {
            TorchSharp.Modules.LSTM lstm => lstm.call(packed) is var (o, hn, _) ? (o, hn) : default,
            TorchSharp.Modules.GRU gru => gru.call(packed),
            TorchSharp.Modules.RNN rnn => rnn.call(packed),
            _ => throw new InvalidOperationException(),
        };
        var output = nn.utils.rnn.pad_packed_sequence(packedOutput, batch_first: true, total_length: Steps).Item1;
        var ahead = Unroller.Run(forward, x, lengths);
        var behind = Unroller.Run(backward, x, lengths, backward: true);

        Assert.True(ModelTestData.MaxDifference(output[.., .., ..Hidden], ahead.Hidden) < 1e-5f, "forward outputs differ");
        Assert.True(ModelTestData.MaxDifference(output[.., .., Hidden..], behind.Hidden) < 1e-5f, "backward outputs differ");
        Assert.True(ModelTestData.MaxDifference(h[0], ahead.Final.H) < 1e-5f, "forward final states differ");
        Assert.True(ModelTestData.MaxDifference(h[1], behind.Final.H) < 1e-5f, "backward final states differ");
    }

    [Fact]
    public void Reversing_the_real_steps_keeps_padding_in_place()
    {
        using var scope = NewDisposeScope();
        var x = arange(8, dtype: ScalarType.Float32).view(2, 4, 1);
        var reversed = Unroller.ReverseRealSteps(x, tensor(new long[] { 3, 4 }));
        Assert.Equal(new float[] { 2, 1, 0, 3, 7, 6, 5, 4 }, reversed.data<float>().ToArray());
    }

    [Fact]
    public void Lstm_gates_at_a_step_follow_from_the_equations()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var cell = new LstmCell(Input, Hidden);
        var x = randn(1, 2, Input);
        var run = Unroller.Run(cell, x, tensor(new long[] { 2 }));

        // c_1 = f_1 * c_0 + i_1 * g_1 and h_1 = o_1 * tanh(c_1), read back from the recorded gates.
        var f = run.Gates["forget"][0, 1]; var i = run.Gates["input"][0, 1]; var g = run.Gates["candidate"][0, 1];
        var o = run.Gates["output"][0, 1]; var c0 = run.Gates["cell"][0, 0]; var c1 = run.Gates["cell"][0, 1];
        Assert.True(ModelTestData.MaxDifference(c1, f * c0 + i * g) < 1e-6f);
        Assert.True(ModelTestData.MaxDifference(run.Hidden[0, 1], o * tanh(c1)) < 1e-6f);
        Assert.True(f.min().item<float>() > 0 && f.max().item<float>() < 1);
    }

    [Fact]
    public void Weights_of_the_wrong_size_are_refused()
    {
        using var scope = NewDisposeScope();
        using var layer = nn.GRU(Input, Hidden + 1, batchFirst: true);
        using var cell = new GruCell(Input, Hidden);
        var error = Assert.Throws<ArgumentException>(() => cell.Load(BuiltInWeights.Of(layer)));
        Assert.Contains("a gru cell of input 4 and hidden 3 needs weight_ih [9, 4]", error.Message);
    }
}
