using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>The max-and-mean readout and the embedding's initial scale.</summary>
public class ReadoutAndInitTests
{
    public ReadoutAndInitTests() => ModelTestData.Ready();

    [Fact]
    public void Max_and_mean_readout_puts_the_max_then_the_mean_of_the_real_steps_side_by_side()
    {
        using var scope = NewDisposeScope();
        // Two rows, three steps, two features; row 1 has one real step, its pad step holds a large value that must not count.
        var outputs = tensor(new float[] { 1, -2, 3, 4, 0, 0, 5, -6, 100, 100, 100, 100 }).view(2, 3, 2);
        var lengths = tensor(new long[] { 3, 1 });

        var readout = SequenceReadout.MaxMean(outputs, lengths);

        var expected = tensor(new float[] { 3, 4, 4f / 3, 2f / 3, 5, -6, 5, -6 }).view(2, 4);
        Assert.True(ModelTestData.MaxDifference(readout, expected) < 1e-6f);
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 20)]
    public void Max_and_mean_readout_doubles_the_linear_layers_input(bool bidirectional, int features)
    {
        using var scope = NewDisposeScope();
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Lstm, bidirectional, readout: Readout.MaxMean));
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);

        Assert.Equal(features, model.Features);
        Assert.Equal(new long[] { 3, features }, model.Encode(tokens, lengths).shape);
        Assert.Contains("max-and-mean readout", model.Describe());
    }

    [Fact]
    public void Embedding_init_std_scales_the_initial_vectors_and_keeps_the_pad_row_zero()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var options = ModelTestData.Tiny(CellKind.Lstm) with { VocabularySize = 2000, EmbeddingInitStd = 0.1 };
        using var model = new RecurrentClassifier(options);
        var weight = model.Embedding.weight!;

        Assert.InRange(weight.std().item<float>(), 0.095f, 0.105f);
        Assert.Equal(0f, weight[ModelTestData.Pad].abs().sum().item<float>());
        using var pytorchDefault = new RecurrentClassifier(options with { EmbeddingInitStd = 1.0 });
        Assert.InRange(pytorchDefault.Embedding.weight!.std().item<float>(), 0.95f, 1.05f);
    }

    [Fact]
    public void A_non_positive_embedding_init_std_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => (ModelTestData.Tiny(CellKind.Lstm) with { EmbeddingInitStd = 0 }).Validate());
        Assert.Contains("EmbeddingInitStd must be positive (got 0)", error.Message);
    }
}
