using Lessons.Models;
using Lessons.Runtime;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

[Collection(SeededTorchCollection.Name)]
public sealed class ExampleHitsTests
{
    public ExampleHitsTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void Every_epoch_records_which_test_examples_it_got_right_and_they_add_up_to_its_accuracy()
    {
        var test = OrderTask.Make(40, 2);
        random.manual_seed(0);
        using var model = new RecurrentClassifier(new ClassifierOptions
        {
            Kind = CellKind.Lstm, VocabularySize = OrderTask.VocabularySize, Embedding = 16, Hidden = 16, Classes = 2,
        });
        var options = new TrainerOptions { Epochs = 3, BatchSize = 16, LearningRate = 1e-2, Seed = 3, Threads = 1, ValidationShare = 0.25 };
        var history = new Trainer(model, ["good not", "not good"], options).Fit(OrderTask.Make(200, 1), test);

        Assert.All(history.Epochs, e => Assert.Equal(test.Length, e.Test.Hits!.Count));
        Assert.All(history.Epochs, e => Assert.Equal(e.Test.Accuracy, e.Test.Hits!.Accuracy, 12));
        var predicted = Evaluator.Predict(model, test, 256, TorchRuntime.Device, out _);
        Assert.Equal(predicted.Select((p, i) => p == test[i].Label), Enumerable.Range(0, test.Length).Select(i => history.ChosenTestHits![i]));
    }

    [Fact]
    public void A_history_keeps_its_hits_through_json_and_one_saved_before_them_still_reads()
    {
        var epoch = new EpochMetrics(1, 4, 1.2, 0.25,
            new Evaluation(1.1, 0.5, null, [new LengthBucketAccuracy(0, 20, 4, 0.5)], ExampleHits.Parse("0110")), 0.5, 8, 0.1);
        var json = HistoryJson.Serialize(new History("lstm", 100, [epoch]));

        Assert.Contains("\"hits\": \"0110\"", json);
        Assert.Equal("0110", HistoryJson.Deserialize(json).ChosenTestHits!.ToString());
        var saved = HistoryJson.Deserialize(json.Replace(",\n        \"hits\": \"0110\"", ""));
        Assert.Null(saved.ChosenTestHits);
        Assert.Equal(0.5, saved.Chosen.Test.Accuracy);
        var damaged = Assert.Throws<System.Text.Json.JsonException>(() => HistoryJson.Deserialize(json.Replace("\"0110\"", "\"01x0\"")));
        Assert.StartsWith("The hits of an evaluation are a string of 0s and 1s.", damaged.Message);
    }

    [Fact]
    public void A_checkpoint_keeps_the_hits_of_the_chosen_epoch_only()
    {
        Evaluation Test(string hits) => new(1.1, 0.5, null, [], ExampleHits.Parse(hits));
        var history = new History("lstm", 100, [
            new EpochMetrics(1, 4, 1.2, 0.25, Test("0110"), 0.5, 8, 0.1),
            new EpochMetrics(2, 8, 1.0, 0.5, Test("1110"), 0.5, 8, 0.1)], ChosenEpoch: 2);

        var kept = history.WithChosenConfusionOnly();

        Assert.Null(kept.Epochs[0].Test.Hits);
        Assert.Equal("1110", kept.ChosenTestHits!.ToString());
    }
}
