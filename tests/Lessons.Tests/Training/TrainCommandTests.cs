using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Training;

namespace Lessons.Tests.Training;

[Collection(SeededTorchCollection.Name)]
public sealed class TrainCommandTests
{
    public TrainCommandTests() => TorchRuntime.EnsureReady();

    static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int exit = CommandRunner.Run(TrainCommand.Create(), args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void An_unknown_model_is_a_clear_error_and_a_non_zero_exit()
    {
        var (exit, _, error) = Run("--model", "transformer");
        Assert.Equal(2, exit);
        Assert.Contains("--model must be one of rnn, lstm, gru, bow (got transformer).", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Json_ends_stdout_with_one_object_per_run()
    {
        var (exit, output, error) = Run("--model", "gru", "--epochs", "2", "--limit", "256", "--batch", "32",
            "--data", Lessons.Tests.Data.SharedData.Mini, "--json");

        Assert.True(exit == 0, error);
        string last = output.TrimEnd().Split('\n')[^1];
        var history = HistoryJson.Deserialize(last);
        Assert.Equal("GRU", history.Name);
        Assert.True(history.Parameters > 0);
        Assert.Equal([1, 2], history.Epochs.Select(e => e.Epoch));
        Assert.All(history.Epochs, e => Assert.InRange(e.Test.Accuracy, 0, 1));
        Assert.All(history.Epochs, e => Assert.True(e.SamplesPerSecond > 0));
        // The recipe holds out 10% of the 256 training headlines, per class, and chooses the epoch on them.
        Assert.All(history.Epochs, e => Assert.InRange(e.Validation!.Confusion!.Total, 24, 28));
        Assert.Equal(history.Epochs.MaxBy(e => e.Validation!.Accuracy)!.Epoch, history.ChosenEpoch);
    }

    [Fact]
    public void Bow_trains_the_bag_of_words_and_saves_it_as_one()
    {
        using var folder = new Lessons.Tests.Data.TempFolder();
        string save = folder.File("bow");
        var (exit, output, error) = Run("--model", "bow", "--epochs", "1", "--limit", "256", "--batch", "32",
            "--data", Lessons.Tests.Data.SharedData.Mini, "--save", save, "--json");

        Assert.True(exit == 0, error);
        Assert.Equal("bag of words", HistoryJson.Deserialize(output.TrimEnd().Split('\n')[^1]).Name);
        var checkpoint = Checkpoint.Read(save);
        Assert.Equal(Checkpoint.BagOfWords, checkpoint.Architecture);
        Assert.True(checkpoint.Options.BagOfWords);
        using var model = checkpoint.CreateModel();
        Assert.IsType<BagOfWordsClassifier>(model);
    }

    [Fact]
    public void The_recipes_small_embedding_start_applies_unless_the_command_line_overrides_it()
    {
        var run = new TrainCommand.TrainRun(ModelKind.Lstm, false, 1, false, 64, 32, Recipe.Training,
            EmbeddingInitStd: null, Dropout: null, Readout: null, MinFreq: 2, Limit: null, DataFolder: null);

        Assert.Equal(0.1, run.Classifier(100).EmbeddingInitStd);
        Assert.Equal(1.0, (run with { EmbeddingInitStd = 1.0 }).Classifier(100).EmbeddingInitStd);
        Assert.Equal(Readout.MaxMean, (run with { Readout = Readout.MaxMean }).Classifier(100).Readout);
    }
}
