using Lessons.Inspection;
using Lessons.Models;
using Lessons.Tests.Models;

namespace Lessons.Tests.Inspection;

public class ParameterCountsTests
{
    public ParameterCountsTests() => ModelTestData.Ready();   // LibTorch loaded the kit's way, whichever test runs first

    [Fact]
    public void Parts_of_a_two_layer_bidirectional_lstm_add_up_by_the_formulas()
    {
        var options = new ClassifierOptions { Kind = CellKind.Lstm, VocabularySize = 50, Embedding = 6, Hidden = 5, Layers = 2, Bidirectional = true };
        using var model = new RecurrentClassifier(options);

        var counts = ParameterCounts.Of(model);

        // Per layer and direction: 4 gates × (input×hidden + hidden×hidden + 2 biases of hidden); layer 2 reads both directions.
        long Layer(int input) => 2 * 4 * (input * 5 + 5 * 5 + 2 * 5);
        Assert.Equal(50 * 6, counts.Embedding);
        Assert.Equal(Layer(6) + Layer(2 * 5), counts.Recurrent);
        Assert.Equal(2 * 5 * 4 + 4, counts.Output);
        Assert.Equal(model.ParameterCount, counts.Total);
    }
}
