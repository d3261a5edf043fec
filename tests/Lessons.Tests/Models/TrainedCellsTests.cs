using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

public class TrainedCellsTests
{
    public TrainedCellsTests() => ModelTestData.Ready();

    /// <summary>A classifier after a few Adam steps on a fixed batch, so its weights are no longer the initial ones.</summary>
    static RecurrentClassifier Trained(ClassifierOptions options)
    {
        manual_seed(20);
        var model = new RecurrentClassifier(options);
        var optimizer = optim.Adam(model.parameters(), lr: 0.05);
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        var labels = tensor(new long[] { 0, 2, 3 });
        for (int step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(tokens, lengths), labels).backward();
            optimizer.step();
        }
        model.eval();
        return model;
    }

    [Theory]
    [InlineData(CellKind.Rnn)]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    public void Hand_unrolled_final_states_equal_the_classifiers_own_for_both_directions(CellKind kind)
    {
        using var scope = NewDisposeScope();
        using var model = Trained(ModelTestData.Tiny(kind, bidirectional: true, packed: true));
        var cells = TrainedCells.From(model);
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);

        var own = model.Run(tokens, lengths);
        var (forward, backward) = cells.Unroll(tokens, lengths);

        Assert.NotNull(backward);
        Assert.True(ModelTestData.MaxDifference(own.HiddenN[0], forward.Final.H) < 1e-5f, "forward final state differs");
        Assert.True(ModelTestData.MaxDifference(own.HiddenN[1], backward!.Final.H) < 1e-5f, "backward final state differs");
        Assert.True(ModelTestData.MaxDifference(own.Output, cat([forward.Hidden, backward.Hidden], 2)) < 1e-5f, "per-step outputs differ");
    }

    [Fact]
    public void A_headline_trace_shows_each_direction_step_by_step_at_the_original_positions()
    {
        using var scope = NewDisposeScope();
        using var model = Trained(ModelTestData.Tiny(CellKind.Lstm, bidirectional: true));
        var cells = TrainedCells.From(model);
        int[] ids = [5, 9, 2, 7];
        string[] words = ["stocks", "fall", "on", "monday"];

        var traces = cells.Trace(ids, words);

        Assert.Equal(["forward", "backward"], traces.Select(t => t.Direction));
        var forward = traces[0];
        var backward = traces[1];
        Assert.Equal(CellKind.Lstm, forward.Kind);
        Assert.Equal(words, forward.Tokens);
        Assert.Equal(new[] { "candidate", "cell", "forget", "input", "output" }, forward.Gates.Keys.Order());
        Assert.Equal(4, forward.Hidden.GetLength(0));
        Assert.Equal(5, forward.Hidden.GetLength(1));
        Assert.Equal(4, forward.Gates["forget"].GetLength(0));

        // The unidirectional view of the same weights: the classifier's own output at each position.
        var (tokens, lengths) = ModelTestData.Batch([ids]);
        var output = model.Run(tokens, lengths).Output;
        for (int t = 0; t < 4; t++)
            for (int u = 0; u < 5; u++)
            {
                Assert.Equal(output[0, t, u].item<float>(), forward.Hidden[t, u], 5);
                Assert.Equal(output[0, t, 5 + u].item<float>(), backward.Hidden[t, u], 5);
            }
    }

    [Fact]
    public void Mismatched_ids_and_strings_are_refused()
    {
        using var scope = NewDisposeScope();
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Gru));
        var error = Assert.Throws<ArgumentException>(() => TrainedCells.From(model).Trace([5, 9], ["one"]));
        Assert.Contains("got 2 token ids but 1 token strings", error.Message);
    }
}
