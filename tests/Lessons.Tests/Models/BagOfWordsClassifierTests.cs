using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

public class BagOfWordsClassifierTests
{
    public BagOfWordsClassifierTests() => ModelTestData.Ready();

    [Fact]
    public void Gives_logits_that_ignore_padding_and_word_order()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = new BagOfWordsClassifier(ModelTestData.Tiny(CellKind.Lstm));
        model.eval();
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        var (padded, _) = ModelTestData.Batch(ModelTestData.Rows, steps: 10);
        var (shuffled, _) = ModelTestData.Batch(ModelTestData.Rows.Select(r => r.Reverse().ToArray()).ToArray());

        var logits = model.call(tokens, lengths);

        Assert.Equal(new long[] { 3, 4 }, logits.shape);
        Assert.True(ModelTestData.MaxDifference(logits, model.call(padded, lengths)) < 1e-6f);
        Assert.True(ModelTestData.MaxDifference(logits, model.call(shuffled, lengths)) < 1e-6f);
    }

    [Fact]
    public void Equals_the_mean_embedding_through_the_linear_layer()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        using var model = new BagOfWordsClassifier(ModelTestData.Tiny(CellKind.Lstm));
        var (tokens, lengths) = ModelTestData.Batch([[5, 9, 2]]);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var mean = parameters["embedding.weight"].index_select(0, tensor(new long[] { 5, 9, 2 })).mean([0]);
        var expected = mean.matmul(parameters["head.weight"].t()) + parameters["head.bias"];

        Assert.True(ModelTestData.MaxDifference(model.call(tokens, lengths)[0], expected) < 1e-6f);
    }

    [Fact]
    public void Its_options_say_it_is_a_bag_of_words_and_a_recurrent_classifier_refuses_them()
    {
        using var scope = NewDisposeScope();
        var lstm = ModelTestData.Tiny(CellKind.Lstm);
        using var model = new BagOfWordsClassifier(lstm);

        Assert.True(model.Options.BagOfWords);
        Assert.Equal("bag of words", model.Options.Name());
        Assert.Equal(lstm with { BagOfWords = true }, model.Options);
        var error = Assert.Throws<ArgumentException>(() => new RecurrentClassifier(model.Options));
        Assert.StartsWith("these options describe a bag of words (BagOfWords = true): build a BagOfWordsClassifier", error.Message);
    }
}
