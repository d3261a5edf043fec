using System.Text.Json;
using Lessons.Cli.Commands;
using Lessons.Runtime;

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
            int exit = TrainCommand.Create().Parse(args).Invoke();
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
        Assert.Contains("Unknown model \"transformer\": choose one of rnn, lstm, gru, bow.", error);
    }

    [Fact]
    public void Json_ends_stdout_with_one_object_per_run()
    {
        var (exit, output, error) = Run("--model", "gru", "--epochs", "2", "--limit", "256", "--batch", "32",
            "--data", Lessons.Tests.Data.SharedData.Mini, "--json");

        Assert.True(exit == 0, error);
        string last = output.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var root = json.RootElement;
        Assert.Equal("gru", root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("parameters").GetInt64() > 0);
        var epochs = root.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal([1, 2], epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(epochs, e => Assert.InRange(e.GetProperty("testAccuracy").GetDouble(), 0, 1));
        Assert.All(epochs, e => Assert.True(e.GetProperty("samplesPerSecond").GetDouble() > 0));
    }

    [Fact]
    public void The_recipes_small_embedding_start_applies_unless_the_command_line_overrides_it()
    {
        var run = new TrainCommand.TrainRun("lstm", false, 1, false, 64, 32, Lessons.Training.Recipe.Training,
            EmbeddingInitStd: null, Dropout: null, Readout: null, MinFreq: 2, Limit: null, DataFolder: null);

        Assert.Equal(0.1, run.Classifier(100).EmbeddingInitStd);
        Assert.Equal(1.0, (run with { EmbeddingInitStd = 1.0 }).Classifier(100).EmbeddingInitStd);
        Assert.Equal(Lessons.Models.Readout.MaxMean, (run with { Readout = Lessons.Models.Readout.MaxMean }).Classifier(100).Readout);
    }
}
