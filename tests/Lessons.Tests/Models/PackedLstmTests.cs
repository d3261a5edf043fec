using Lessons.Models;
using Lessons.Models.Packed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Tests.Models;

/// <summary>The kit's packed LSTM kernel computes what LibTorch's nn.LSTM computes on a PackedSequence, forwards and backwards.</summary>
public class PackedLstmTests
{
    const int Input = 6, Hidden = 5;

    public PackedLstmTests() => ModelTestData.Ready();

    /// <summary>Lengths 4, 7, 2, 7, 1: unsorted, with a tie and a one-token row.</summary>
    static readonly long[] Lengths = [4, 7, 2, 7, 1];

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void Outputs_states_and_gradients_equal_the_built_in_layer_on_a_packed_sequence(int layers, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        using var lstm = nn.LSTM(Input, Hidden, layers, batchFirst: true, bidirectional: bidirectional);
        var lengths = tensor(Lengths);
        var data = randn(Lengths.Length, 7, Input);
        int width = (bidirectional ? 2 : 1) * Hidden;
        // A loss that reaches every output, every final h and every final c, each with its own weight.
        var outWeights = randn(Lengths.Length, 7, width);
        var hWeights = randn(layers * (bidirectional ? 2 : 1), Lengths.Length, Hidden);
        var cWeights = randn(layers * (bidirectional ? 2 : 1), Lengths.Length, Hidden);
        Tensor Loss(Tensor output, Tensor h, Tensor c) => (output * outWeights).sum() + (h * hWeights).sum() + (c * cWeights).sum();

        var xBuiltIn = data.clone().requires_grad_(true);
        using var packed = Rnn.pack_padded_sequence(xBuiltIn, lengths, batch_first: true, enforce_sorted: false);
        var (packedOut, hExpected, cExpected) = lstm.call(packed);
        var outExpected = Rnn.pad_packed_sequence(packedOut, batch_first: true, total_length: 7).Item1;
        Loss(outExpected, hExpected, cExpected).backward();
        var expectedGrads = lstm.parameters().Select(p => p.grad!.clone()).ToArray();
        lstm.zero_grad();

        var xKernel = data.clone().requires_grad_(true);
        var run = PackedRecurrence.Run(lstm, xKernel, lengths, layers, bidirectional, layerDropout: 0);
        Loss(run.Output, run.HiddenN, run.CellN!).backward();

        Assert.True(ModelTestData.MaxDifference(outExpected, run.Output) < 1e-5f, "outputs differ");
        Assert.True(ModelTestData.MaxDifference(hExpected, run.HiddenN) < 1e-5f, "final hidden states differ");
        Assert.True(ModelTestData.MaxDifference(cExpected, run.CellN!) < 1e-5f, "final cell states differ");
        Assert.True(ModelTestData.MaxDifference(xBuiltIn.grad!, xKernel.grad!) < 1e-5f, "input gradients differ");
        var names = lstm.named_parameters().Select(p => p.name).ToArray();
        var actualGrads = lstm.parameters().Select(p => p.grad!).ToArray();
        for (int k = 0; k < names.Length; k++)
            Assert.True(ModelTestData.MaxDifference(expectedGrads[k], actualGrads[k]) < 1e-5f, $"{names[k]} gradients differ");
    }

    [Fact]
    public void Padding_steps_are_zero_and_never_computed()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        using var lstm = nn.LSTM(Input, Hidden, batchFirst: true, bidirectional: true);
        var data = randn(Lengths.Length, 9, Input);
        var withNaNPadding = data.clone();
        for (int b = 0; b < Lengths.Length; b++) withNaNPadding[b, (int)Lengths[b]..] = float.NaN;   // padding the kernel must not read

        var run = PackedRecurrence.Run(lstm, withNaNPadding, tensor(Lengths), 1, true, 0);

        Assert.False(run.Output.isnan().any().item<bool>(), "a padding value reached the output");
        for (int b = 0; b < Lengths.Length; b++)
            Assert.Equal(0f, run.Output[b, (int)Lengths[b]..].abs().sum().item<float>());
        Assert.Equal(9, run.Output.shape[1]);
    }

    [Fact]
    public void Only_the_outputs_used_by_the_loss_need_gradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(23);
        using var lstm = nn.LSTM(Input, Hidden, batchFirst: true);
        var run = PackedRecurrence.Run(lstm, randn(Lengths.Length, 7, Input), tensor(Lengths), 1, false, 0);
        run.HiddenN.sum().backward();   // c_n and the per-step outputs get no gradient
        Assert.True(lstm.parameters().All(p => p.grad is not null && !p.grad.isnan().any().item<bool>()));
    }

    [Fact]
    public void Layout_of_the_lesson_example_matches_pack_padded_sequence()
    {
        // Lengths 5, 3, 1 (the lesson's example): batch sizes 3, 2, 2, 1, 1.
        var layout = new PackedLayout([3, 2, 2, 1, 1]);
        Assert.Equal([0, 3, 5, 7, 8], layout.Offsets);
        Assert.Equal([5, 3, 1], layout.Lengths);
        Assert.Equal(9, layout.Rows);
        Assert.Equal(6, layout.Last(1, reverse: false));   // sequence 1's third token
        Assert.Equal(1, layout.Last(1, reverse: true));    // read backwards, it ends at its first token
        Assert.Equal(-1, layout.Previous(0, 2, reverse: false));
        Assert.Equal(-1, layout.Previous(2, 1, reverse: true));   // step 2 is sequence 1's last token: the reverse reading starts there
        Assert.Equal(3, layout.Previous(0, 0, reverse: true));
        // Batch rows 2, 0, 1 sorted longest first: packed row 3 is token 1 of sorted sequence 0, i.e. batch row 2.
        Assert.Equal([10, 0, 5, 11, 1, 12, 2, 13, 14], layout.PaddedPositions([2, 0, 1], 5));
    }

    [Fact]
    public void A_layout_whose_batch_sizes_grow_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PackedLayout([2, 3]));
        Assert.Contains("step 1", error.Message);
    }
}
