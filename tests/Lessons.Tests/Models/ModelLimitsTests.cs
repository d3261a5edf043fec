using Lessons.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>The parameter count the command line checks a model's memory with, before building it, is the count of the
/// model built.</summary>
public sealed class ModelLimitsTests
{
    public ModelLimitsTests() => ModelTestData.Ready();

    public static TheoryData<ClassifierOptions> Shapes => new()
    {
        ClassifierOptions.For(CellKind.Lstm, 500),
        ClassifierOptions.For(CellKind.Rnn, 300) with { Embedding = 20, Hidden = 12, Classes = 3 },
        ClassifierOptions.For(CellKind.Gru, 300) with { Layers = 3, Bidirectional = true, Readout = Readout.MaxMean, Classes = 7 },
        ClassifierOptions.For(CellKind.Lstm, 200) with { Layers = 2, Bidirectional = true, Packed = true, Hidden = 17, Embedding = 9 },
        ClassifierOptions.For(CellKind.Lstm, 400) with { BagOfWords = true, Embedding = 33, Classes = 5 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parameters_counts_what_the_built_model_has(ClassifierOptions options)
    {
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor, Tensor> model = options.BagOfWords
            ? new BagOfWordsClassifier(options) : new RecurrentClassifier(options);
        using (model)
            Assert.Equal(model.parameters().Sum(p => p.numel()), ModelLimits.Parameters(options));
    }

    [Fact]
    public void The_largest_model_the_limits_allow_is_counted_without_overflow()
    {
        var largest = ClassifierOptions.For(CellKind.Lstm, ModelLimits.MaxVocabulary) with
        {
            Embedding = ModelLimits.MaxWidth,
            Hidden = ModelLimits.MaxWidth,
            Layers = ModelLimits.MaxLayers,
            Bidirectional = true,
            Readout = Readout.MaxMean,
            Classes = ModelLimits.MaxClasses,
        };

        Assert.True(ModelLimits.Parameters(largest) > 20_000_000_000L);
    }
}
