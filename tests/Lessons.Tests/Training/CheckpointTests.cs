using System.Text.Json.Nodes;
using Lessons.Batching;
using Lessons.Data;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Text;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

[Collection(SeededTorchCollection.Name)]
public sealed class CheckpointTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "lessons-checkpoint-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests() => TorchRuntime.EnsureReady();

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    static readonly LabeledText[] Items =
    [
        new(0, "Talks resume in Geneva", "Diplomats meet again."),
        new(1, "Striker scores twice", "The home team wins again."),
        new(2, "Stocks rise", "Markets climb as oil falls."),
        new(3, "New chip unveiled", "The chip is faster."),
    ];

    static (RecurrentClassifier Model, Vocabulary Vocabulary, EncodedExample[] Examples) Small(int hidden = 8)
    {
        var tokens = ExampleEncoder.Tokenize(Items);
        var vocabulary = Vocabulary.Build(tokens);
        random.manual_seed(1);
        var model = new RecurrentClassifier(new ClassifierOptions { Kind = CellKind.Gru, VocabularySize = vocabulary.Count, Embedding = 6, Hidden = hidden, Bidirectional = true, Packed = true });
        return (model, vocabulary, ExampleEncoder.Encode(Items, vocabulary));
    }

    static float[] Logits(nn.Module<Tensor, Tensor, Tensor> model, EncodedExample[] examples)
    {
        model.eval();
        using var batch = BatchBuilder.Build(examples, [0, 1, 2, 3]);
        using var logits = model.forward(batch.Tokens, batch.Lengths);
        return logits.data<float>().ToArray();
    }

    [Fact]
    public void Encoder_tokenizes_once_and_never_returns_an_empty_row()
    {
        var (_, vocabulary, examples) = Small();
        Assert.Equal(["talks", "resume", "in", "geneva", "diplomats", "meet", "again", "."], vocabulary.Decode(examples[0].Tokens));
        Assert.Equal([0, 1, 2, 3], examples.Select(e => e.Label));
        Assert.Equal([Vocabulary.Unk], ExampleEncoder.Encode("", vocabulary));
        Assert.Equal([Vocabulary.Unk, vocabulary.IndexOf("stocks")], ExampleEncoder.Encode("Zebras stocks", vocabulary));
    }

    [Fact]
    public void A_saved_checkpoint_loads_into_an_equal_model_with_equal_outputs()
    {
        var (model, vocabulary, examples) = Small();
        var history = new History("gru", model.ParameterCount, [
            new EpochMetrics(1, 4, 1.2, 0.25, new Evaluation(1.1, 0.5, new ConfusionMatrix(AgNews.Classes, new long[,] { { 1, 0, 0, 0 }, { 0, 1, 1, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 1 } }),
                [new LengthBucketAccuracy(0, 20, 4, 0.5)]), 0.5, 8, 0.1)]);
        Checkpoint.Save(folder, model, vocabulary, AgNews.Classes, new TrainerOptions { Epochs = 3 }, history);

        var (loaded, checkpoint) = Checkpoint.Load(folder);

        Assert.IsType<RecurrentClassifier>(loaded);
        Assert.Equal(model.Options, checkpoint.Options);
        Assert.Equal(vocabulary.Tokens, checkpoint.Vocabulary.Tokens);
        Assert.Equal(3, checkpoint.Training!.Epochs);
        Assert.Equal(1L, checkpoint.History!.ChosenConfusion.Counts[1, 2]);
        Assert.Equal(0.75, checkpoint.History.ChosenConfusion.Accuracy, 12);
        Assert.Equal(HistoryJson.Serialize(history), HistoryJson.Serialize(checkpoint.History));
        Assert.Equal(Logits(model, examples), Logits(loaded, examples));
    }

    [Fact]
    public void Loading_into_a_model_with_other_options_names_the_option_that_differs()
    {
        var (model, vocabulary, _) = Small(hidden: 8);
        Checkpoint.Save(folder, model, vocabulary, AgNews.Classes);
        var (other, _, _) = Small(hidden: 5);

        var error = Assert.Throws<CheckpointMismatchException>(() => Checkpoint.Read(folder).LoadWeightsInto(other));

        Assert.Equal(["Hidden is 8 in the checkpoint but 5 in the model"], error.Differences);
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public void Reading_a_folder_without_a_checkpoint_says_what_is_missing()
    {
        Directory.CreateDirectory(folder);
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder));
        Assert.Contains("checkpoint.json", error.Message);
    }

    [Fact]
    public void Predictor_gives_one_probability_per_class_and_shows_unknown_words()
    {
        var (model, vocabulary, _) = Small();
        var prediction = new Predictor(model, vocabulary, AgNews.Classes).Classify("Stocks rise on zebras");

        Assert.Equal(["stocks", "rise", "<unk>", "<unk>"], prediction.Tokens);
        Assert.Equal(4, prediction.Probabilities.Count);
        Assert.Equal(1.0, prediction.Probabilities.Sum(), 5);
        Assert.Equal(AgNews.Classes[prediction.Label], prediction.Class);
    }

    [Fact]
    public void A_bag_of_words_loads_as_one_also_from_a_checkpoint_that_saved_it_as_a_cell_kind()
    {
        var (_, vocabulary, examples) = Small();
        random.manual_seed(2);
        using var bag = new BagOfWordsClassifier(new ClassifierOptions { VocabularySize = vocabulary.Count, Embedding = 6 });
        Checkpoint.Save(folder, bag, vocabulary, AgNews.Classes);
        string description = Path.Combine(folder, Checkpoint.DescriptionFile);
        var json = JsonNode.Parse(File.ReadAllText(description))!;
        Assert.True((bool)json["options"]!["bagOfWords"]!);
        // As the kit wrote a bag of words before CellKind held only cells: the kind "BagOfWords", no bagOfWords.
        json["options"]!["kind"] = "BagOfWords";
        json["options"]!.AsObject().Remove("bagOfWords");
        File.WriteAllText(description, json.ToJsonString());

        var (loaded, checkpoint) = Checkpoint.Load(folder);
        using (loaded)
        {
            Assert.IsType<BagOfWordsClassifier>(loaded);
            Assert.Equal(Checkpoint.BagOfWords, checkpoint.Architecture);
            Assert.Equal(bag.Options, checkpoint.Options);
            Assert.Equal("bag of words", checkpoint.Options.Name());
            Assert.Equal(Logits(bag, examples), Logits(loaded, examples));
        }
    }
}
