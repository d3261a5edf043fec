using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

public class RecurrentClassifierTests
{
    public RecurrentClassifierTests() => ModelTestData.Ready();

    public static TheoryData<CellKind, bool, int, bool, Readout> EveryConfiguration()
    {
        var data = new TheoryData<CellKind, bool, int, bool, Readout>();
        foreach (var kind in CellKinds.All)
            foreach (bool bidirectional in new[] { false, true })
                foreach (int layers in new[] { 1, 2 })
                    foreach (bool packed in new[] { false, true })
                        foreach (var readout in Enum.GetValues<Readout>())
                            data.Add(kind, bidirectional, layers, packed, readout);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryConfiguration))]
    public void Logits_have_one_row_per_headline_and_one_column_per_class(CellKind kind, bool bidirectional, int layers, bool packed, Readout readout)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var model = new RecurrentClassifier(ModelTestData.Tiny(kind, bidirectional, layers, packed, readout) with { LayerDropout = 0.2, Dropout = 0.1 });
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);

        var logits = model.call(tokens, lengths);
        var run = model.Run(tokens, lengths);

        Assert.Equal(new long[] { 3, 4 }, logits.shape);
        Assert.Equal(new long[] { 3, 7, bidirectional ? 10 : 5 }, run.Output.shape);
        Assert.Equal(new long[] { layers * (bidirectional ? 2 : 1), 3, 5 }, run.HiddenN.shape);
        Assert.Equal(kind == CellKind.Lstm, run.CellN is not null);
        Assert.False(logits.isnan().any().item<bool>());
    }

    public static TheoryData<CellKind, Readout, bool, bool> PaddingFreeConfigurations()
    {
        var data = new TheoryData<CellKind, Readout, bool, bool>();
        foreach (var kind in CellKinds.All)
            foreach (var readout in Enum.GetValues<Readout>())
            {
                data.Add(kind, readout, false, false); // padded, unidirectional
                data.Add(kind, readout, true, false);  // packed, unidirectional
                data.Add(kind, readout, true, true);   // packed, bidirectional
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(PaddingFreeConfigurations))]
    public void Appending_padding_does_not_change_the_logits(CellKind kind, Readout readout, bool packed, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new RecurrentClassifier(ModelTestData.Tiny(kind, bidirectional, layers: 2, packed, readout));
        model.eval();
        var (tight, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        var (padded, _) = ModelTestData.Batch(ModelTestData.Rows, steps: 12);

        var expected = model.call(tight, lengths);
        var actual = model.call(padded, lengths);

        Assert.True(ModelTestData.MaxDifference(expected, actual) < 1e-5f, $"logits moved by {ModelTestData.MaxDifference(expected, actual)}");
    }

    [Theory]
    [InlineData(CellKind.Rnn)]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    public void Bidirectional_padded_input_lets_the_backward_direction_read_the_pads(CellKind kind)
    {
        // The documented flaw that packing fixes: without packing, the backward direction starts in the padding.
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new RecurrentClassifier(ModelTestData.Tiny(kind, bidirectional: true));
        model.eval();
        var (tight, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        var (padded, _) = ModelTestData.Batch(ModelTestData.Rows, steps: 12);

        Assert.True(ModelTestData.MaxDifference(model.call(tight, lengths), model.call(padded, lengths)) > 1e-4f);
    }

    [Theory]
    [InlineData(CellKind.Rnn, Readout.Final)]
    [InlineData(CellKind.Rnn, Readout.Mean)]
    [InlineData(CellKind.Lstm, Readout.Final)]
    [InlineData(CellKind.Lstm, Readout.Max)]
    [InlineData(CellKind.Gru, Readout.Final)]
    [InlineData(CellKind.Gru, Readout.Mean)]
    public void Packed_and_padded_input_give_the_same_logits_for_one_direction(CellKind kind, Readout readout)
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var padded = new RecurrentClassifier(ModelTestData.Tiny(kind, layers: 2, readout: readout));
        using var packed = new RecurrentClassifier(padded.Options with { Packed = true });
        packed.load_state_dict(padded.state_dict());
        padded.eval();
        packed.eval();
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);

        Assert.True(ModelTestData.MaxDifference(padded.call(tokens, lengths), packed.call(tokens, lengths)) < 1e-5f);
    }

    [Theory]
    [InlineData(CellKind.Rnn)]
    [InlineData(CellKind.Lstm)]
    [InlineData(CellKind.Gru)]
    public void Packed_final_states_come_back_in_the_original_row_order(CellKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = new RecurrentClassifier(ModelTestData.Tiny(kind, bidirectional: true, packed: true));
        model.eval();
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows); // lengths 4, 7, 2: not sorted

        var together = model.Run(tokens, lengths).HiddenN;
        for (int b = 0; b < ModelTestData.Rows.Length; b++)
        {
            var (alone, aloneLength) = ModelTestData.Batch([ModelTestData.Rows[b]]);
            var own = model.Run(alone, aloneLength).HiddenN;
            Assert.True(ModelTestData.MaxDifference(together[.., b], own[.., 0]) < 1e-6f, $"row {b} got another row's final state");
        }
    }

    [Fact]
    public void Sparse_embedding_gives_sparse_gradients()
    {
        using var scope = NewDisposeScope();
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Gru) with { SparseEmbedding = true });
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        model.call(tokens, lengths).sum().backward();
        Assert.True(model.Embedding.weight!.grad!.is_sparse);
    }

    [Fact]
    public void Padding_embedding_is_zero_and_gets_no_gradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Lstm));
        var (tokens, lengths) = ModelTestData.Batch(ModelTestData.Rows);
        model.call(tokens, lengths).sum().backward();
        Assert.Equal(0f, model.Embedding.weight![ModelTestData.Pad].abs().sum().item<float>());
        Assert.Equal(0f, model.Embedding.weight!.grad![ModelTestData.Pad].abs().sum().item<float>());
        Assert.True(model.Embedding.weight!.grad![5].abs().sum().item<float>() > 0);
    }

    [Fact]
    public void The_lessons_defaults_read_the_mean_for_the_rnn_and_the_final_state_for_lstm_and_gru()
    {
        Assert.Equal(Readout.Mean, ClassifierOptions.For(CellKind.Rnn, 100).Readout);
        Assert.Equal(Readout.Final, ClassifierOptions.For(CellKind.Lstm, 100).Readout);
        Assert.Equal(Readout.Final, ClassifierOptions.For(CellKind.Gru, 100).Readout);
        var lstm = ClassifierOptions.For(CellKind.Lstm, 100);
        Assert.Equal((64, 32, 4, 1, false, false), (lstm.Embedding, lstm.Hidden, lstm.Classes, lstm.Layers, lstm.Bidirectional, lstm.Packed));
    }

    [Fact]
    public void Parameter_count_matches_a_hand_count()
    {
        // Two-layer bidirectional LSTM, vocabulary 30, embedding 6, hidden 5, 4 classes.
        long embedding = 30 * 6;
        long perDirectionLayer0 = 4 * (5 * 6 + 5 * 5 + 5 + 5);   // four gate blocks: W_ih, W_hh, b_ih, b_hh
        long perDirectionLayer1 = 4 * (5 * 10 + 5 * 5 + 5 + 5); // layer 1 reads both directions of layer 0
        long head = 10 * 4 + 4;
        long expected = embedding + 2 * perDirectionLayer0 + 2 * perDirectionLayer1 + head;

        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Lstm, bidirectional: true, layers: 2));
        using var bag = new BagOfWordsClassifier(ModelTestData.Tiny(CellKind.Lstm));

        Assert.Equal(expected, model.ParameterCount);
        Assert.Equal(1424, expected);
        Assert.Equal(30 * 6 + 6 * 4 + 4, bag.ParameterCount);
    }

    [Fact]
    public void Weights_are_named_like_pytorchs_so_checkpoints_and_cells_find_them()
    {
        using var model = new RecurrentClassifier(ModelTestData.Tiny(CellKind.Gru, bidirectional: true));
        Assert.Equal(
            [
                "embedding.weight",
                "recurrent.weight_ih_l0", "recurrent.weight_hh_l0", "recurrent.bias_ih_l0", "recurrent.bias_hh_l0",
                "recurrent.weight_ih_l0_reverse", "recurrent.weight_hh_l0_reverse", "recurrent.bias_ih_l0_reverse", "recurrent.bias_hh_l0_reverse",
                "head.weight", "head.bias",
            ],
            model.named_parameters().Select(p => p.name));
        Assert.Equal("BiGRU: padded, final-state readout, 614 parameters, on the kit's kernels", model.Describe());
    }
}
