using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

public class InputErrorTests
{
    public InputErrorTests() => ModelTestData.Ready();

    [Fact]
    public void Unknown_model_name_says_which_names_exist()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelKinds.Parse("lstmm"));
        Assert.StartsWith("unknown model 'lstmm': use rnn, lstm, gru, bow", error.Message);
        Assert.Equal(ModelKind.Gru, ModelKinds.Parse(" GRU "));
        Assert.Equal("lstm", ModelKinds.Name(ModelKinds.Parse("lstm")));
        Assert.Equal(ModelKind.BagOfWords, ModelKinds.Parse("Bow"));
        Assert.Equal(["rnn", "lstm", "gru", "bow"], ModelKinds.Names);
    }

    [Fact]
    public void Float_tokens_are_refused()
    {
        using var scope = NewDisposeScope();
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Rnn));
        var error = Assert.Throws<ArgumentException>(() => model.call(ones(2, 3), tensor(new long[] { 3, 3 })));
        Assert.Contains("tokens must be a [batch, steps] Int64 tensor of token ids; got shape [2, 3] of Float32", error.Message);
    }

    [Fact]
    public void One_dimensional_tokens_are_refused()
    {
        using var scope = NewDisposeScope();
        using var model = new BagOfWordsClassifier(ModelTestData.Tiny(CellKind.Rnn));
        var error = Assert.Throws<ArgumentException>(() => model.call(tensor(new long[] { 2, 3, 4 }), tensor(new long[] { 3 })));
        Assert.Contains("got shape [3] of Int64", error.Message);
    }

    [Theory]
    [InlineData(new long[] { 3 }, "lengths has 1 entries but tokens has 2 rows")]
    [InlineData(new long[] { 3, 0 }, "every length must be at least 1 (row 1 has length 0)")]
    [InlineData(new long[] { 4, 2 }, "a length cannot exceed the 3 steps of the batch (row 0 has length 4)")]
    public void Lengths_that_do_not_fit_the_tokens_are_refused(long[] lengths, string message)
    {
        using var scope = NewDisposeScope();
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Lstm, packed: true));
        var tokens = tensor(new long[,] { { 2, 3, 4 }, { 5, 6, 1 } });
        var error = Assert.Throws<ArgumentException>(() => model.call(tokens, tensor(lengths)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RecurrentClassifier(ModelTestData.Tiny(CellKind.Gru) with { Layers = 0 }));
        Assert.Contains("Layers must be at least 1 (got 0)", error.Message);
        error = Assert.Throws<ArgumentException>(() => new RecurrentClassifier(ModelTestData.Tiny(CellKind.Gru) with { PadIndex = 30 }));
        Assert.Contains("PadIndex 30 is outside the vocabulary (size 30)", error.Message);
    }
}
