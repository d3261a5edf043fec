using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

public class ParameterLifetimeTests
{
    public ParameterLifetimeTests() => ModelTestData.Ready();

    [Fact]
    public void Models_and_cells_built_inside_a_dispose_scope_keep_their_weights_after_it()
    {
        RecurrentClassifier model;
        BagOfWordsClassifier bag;
        TrainedCells cells;
        using (NewDisposeScope())
        {
            model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Lstm, bidirectional: true));
            bag = new BagOfWordsClassifier(ModelTestData.Tiny(CellKind.Lstm));
            cells = TrainedCells.From(model);
        }

        using var scope = NewDisposeScope();
        Assert.Equal(11, model.named_parameters().Count()); // embedding, 2 directions x 4, head weight and bias
        Assert.Equal(16, cells.Backward!.named_parameters().Count());
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        Assert.Equal(new long[] { 3, 4 }, model.call(tokens, lengths).shape);
        Assert.Equal(new long[] { 3, 4 }, bag.call(tokens, lengths).shape);
        Assert.Equal(2, cells.Trace([5, 9], ["a", "b"]).Count);
        model.Dispose();
        bag.Dispose();
    }
}
