using Lessons.Models;
using Lessons.Runtime;
using Lessons.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

[Collection(SeededTorchCollection.Name)]
public sealed class TrainerTests
{
    public TrainerTests() => TorchRuntime.EnsureReady();

    static ClassifierOptions Small(CellKind kind = CellKind.Lstm, bool sparse = false) => new()
    {
        Kind = kind, VocabularySize = OrderTask.VocabularySize, Embedding = 16, Hidden = 16, Classes = 2, SparseEmbedding = sparse,
    };

    static TrainerOptions Quick(int epochs) => new()
    {
        Epochs = epochs, BatchSize = 16, LearningRate = 1e-2, Seed = 3, Threads = 1, ProgressInterval = TimeSpan.Zero,
    };

    [Theory]
    [InlineData(CellKind.Lstm, false)]   // the built-in layer
    [InlineData(CellKind.Lstm, true)]    // the packed LSTM kernel: its own autograd node and pooled buffers
    [InlineData(CellKind.Gru, true)]     // the GRU kernel, packed
    [InlineData(CellKind.Gru, false)]    // and padded
    [InlineData(CellKind.Rnn, false)]    // the RNN kernel, padded
    public void Live_tensor_count_does_not_grow_from_epoch_to_epoch(CellKind kind, bool packed)
    {
        var train = OrderTask.Make(200, 1);
        var test = OrderTask.Make(60, 2);
        random.manual_seed(0);
        var options = kind == CellKind.Lstm && !packed ? Small(sparse: true)
            : Small(kind, sparse: true) with { Packed = packed, Bidirectional = true, Layers = 2, LayerDropout = 0.2 };
        using var model = new RecurrentClassifier(options);
        var trainer = new Trainer(model, OrderTask.Classes, Quick(5));
        var live = new List<long>();
        trainer.EpochCompleted += _ => live.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);

        trainer.Fit(train, test);

        Assert.Equal(5, live.Count);
        // Epoch 1 creates the optimizer's moments; from then on every step must free what it made.
        Assert.All(live.Skip(1), n => Assert.Equal(live[1], n));
    }

    [Fact]
    public void Same_seed_and_threads_give_the_same_history_number_for_number()
    {
        History Run()
        {
            random.manual_seed(0);
            using var model = new RecurrentClassifier(Small());
            return new Trainer(model, OrderTask.Classes, Quick(2)).Fit(OrderTask.Make(160, 1), OrderTask.Make(40, 2));
        }
        var a = Run();
        var b = Run();
        Assert.Equal(a.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.Test.Loss, e.Test.Accuracy, e.PaddingShare)),
                     b.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.Test.Loss, e.Test.Accuracy, e.PaddingShare)));
    }

    [Fact]
    public void Progress_reports_each_epoch_through_to_its_end()
    {
        random.manual_seed(0);
        using var model = new BagOfWordsClassifier(Small());
        var reports = new List<TrainingProgress>();
        var trainer = new Trainer(model, OrderTask.Classes, Quick(2) with { ProgressInterval = TimeSpan.FromHours(1) });
        trainer.ProgressChanged += reports.Add;
        trainer.Fit(OrderTask.Make(100, 1), OrderTask.Make(20, 2));

        // With a long interval only the end of each epoch is reported.
        Assert.Equal([(1, 100L, 100L), (2, 200L, 100L)], reports.Select(r => (r.Epoch, r.SamplesSeen, r.SamplesInEpoch)));
    }

    [Fact]
    public void An_lstm_learns_word_order_and_a_bag_of_words_cannot()
    {
        var train = OrderTask.Make(1200, 1);
        var test = OrderTask.Make(400, 2);
        var options = Quick(6) with { BatchSize = 32 };

        random.manual_seed(0);
        using var lstm = new RecurrentClassifier(Small());
        var lstmHistory = new Trainer(lstm, OrderTask.Classes, options).Fit(train, test);

        random.manual_seed(0);
        using var bag = new BagOfWordsClassifier(Small());
        var bagHistory = new Trainer(bag, OrderTask.Classes, options).Fit(train, test);

        Assert.True(lstmHistory.Last.Test.Accuracy > 0.95, $"LSTM test accuracy {lstmHistory.Last.Test.Accuracy:P1}");
        Assert.InRange(bagHistory.Last.Test.Accuracy, 0.4, 0.6);
    }

    [Fact]
    public void A_second_fit_continues_the_history()
    {
        random.manual_seed(0);
        using var model = new BagOfWordsClassifier(Small());
        var trainer = new Trainer(model, OrderTask.Classes, Quick(2));
        var reports = new List<TrainingProgress>();
        trainer.ProgressChanged += reports.Add;
        trainer.Fit(OrderTask.Make(64, 1), OrderTask.Make(20, 2));
        var history = trainer.Fit(OrderTask.Make(64, 1), OrderTask.Make(20, 2));

        Assert.Equal([1, 2, 3, 4], history.Epochs.Select(e => e.Epoch));
        Assert.Equal(4, reports[^1].Epochs);
        Assert.Equal(4 * 64L, history.Last.SamplesSeen);
    }

    [Fact]
    public void With_a_validation_part_the_model_keeps_the_epoch_best_on_validation()
    {
        var train = OrderTask.Make(200, 1);
        var test = OrderTask.Make(40, 2);
        var options = Quick(4) with { ValidationShare = 0.25 };
        var kept = new List<Dictionary<string, Tensor>>();
        random.manual_seed(0);
        using var model = new RecurrentClassifier(Small());
        var trainer = new Trainer(model, OrderTask.Classes, options);
        trainer.EpochCompleted += _ => kept.Add(model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone()));
        var history = trainer.Fit(train, test);

        Assert.All(history.Epochs, e => Assert.Equal(50, e.Validation!.Confusion!.Total));
        Assert.Equal(150L, history.Epochs[0].SamplesSeen);
        var validation = history.Epochs.Select(e => e.Validation!.Accuracy).ToList();
        Assert.Equal(validation.IndexOf(validation.Max()) + 1, history.ChosenEpoch);
        Assert.Same(history.Epochs[history.ChosenEpoch - 1], history.Chosen);
        foreach (var (key, value) in model.state_dict())
            Assert.True(value.eq(kept[history.ChosenEpoch - 1][key]).all().item<bool>(), $"{key} is not the chosen epoch's");
    }

    [Fact]
    public void Without_a_validation_part_the_last_epoch_is_the_chosen_one()
    {
        random.manual_seed(0);
        using var model = new BagOfWordsClassifier(Small());
        var history = new Trainer(model, OrderTask.Classes, Quick(2)).Fit(OrderTask.Make(64, 1), OrderTask.Make(20, 2));

        Assert.Equal(2, history.ChosenEpoch);
        Assert.All(history.Epochs, e => Assert.Null(e.Validation));
    }

    [Fact]
    public void Patience_stops_the_run_when_validation_accuracy_stops_improving()
    {
        random.manual_seed(0);
        using var model = new BagOfWordsClassifier(Small());
        // A bag of words cannot learn word order: validation accuracy soon stops improving.
        var history = new Trainer(model, OrderTask.Classes, Quick(30) with { ValidationShare = 0.25, Patience = 2 })
            .Fit(OrderTask.Make(200, 1), OrderTask.Make(40, 2));

        Assert.InRange(history.Epochs.Count, 3, 29);
        Assert.Equal(history.ChosenEpoch + 2, history.Last.Epoch);
        var validation = history.Epochs.Select(e => e.Validation!.Accuracy).ToList();
        Assert.All(validation.Skip(history.ChosenEpoch), v => Assert.True(v <= validation[history.ChosenEpoch - 1]));
    }

    [Fact]
    public void Averaging_the_last_epochs_ends_with_the_mean_of_their_weights()
    {
        var train = OrderTask.Make(96, 1);
        var test = OrderTask.Make(20, 2);
        var epochWeights = new List<Dictionary<string, Tensor>>();
        random.manual_seed(0);
        using (var plain = new RecurrentClassifier(Small()))
        {
            var trainer = new Trainer(plain, OrderTask.Classes, Quick(3));
            trainer.EpochCompleted += _ => epochWeights.Add(plain.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone()));
            trainer.Fit(train, test);
        }
        random.manual_seed(0);
        using var averaged = new RecurrentClassifier(Small());
        new Trainer(averaged, OrderTask.Classes, Quick(3) with { AverageLastEpochs = 2 }).Fit(train, test);

        foreach (var (key, value) in averaged.state_dict())
        {
            var mean = (epochWeights[1][key] + epochWeights[2][key]) / 2;
            Assert.True((value - mean).abs().max().item<float>() < 1e-6f, $"{key} is not the mean of epochs 2 and 3");
        }
        Assert.True((epochWeights[2]["head.weight"] - epochWeights[1]["head.weight"]).abs().max().item<float>() > 1e-4f);
    }
}
