using System.Text;
using Lessons.Batching;
using Lessons.Cli.Commands;
using Lessons.Data;
using Lessons.Runtime;
using Lessons.Tests.Training;
using Lessons.Text;

namespace Lessons.Tests.Data;

/// <summary>One huge row (5 MB of words, ~470,000 tokens) costs no more than a row of <see cref="ExampleEncoder.DefaultMaxTokens"/>
/// tokens: it once drove <c>train --limit 500</c> past 6 GB of memory.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class HostileRowTests : IDisposable
{
    private readonly TempFolder folder = new();

    /// <summary>A train.csv of 499 real rows with a 5 MB row of distinct words first, and the real test.csv.</summary>
    public HostileRowTests()
    {
        var words = new StringBuilder(5_100_000);
        for (int i = 0; words.Length < 5_000_000; i++) words.Append("word").Append(i).Append(' ');
        var real = File.ReadLines(Path.Combine(SharedData.Mini, "train.csv")).Take(499);
        File.WriteAllLines(folder.File("train.csv"), new[] { $"\"1\",\"A huge row\",\"{words}\"" }.Concat(real));
        File.Copy(Path.Combine(SharedData.Mini, "test.csv"), folder.File("test.csv"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_5_MB_row_is_cut_to_the_default_cap_and_adds_no_more_than_that_to_the_vocabulary()
    {
        var news = AgNews.Load(folder.Path);
        Assert.True(BasicEnglishTokenizer.CountTokens(news.Train[0].Text) > 400_000);

        var data = EncodedData.Prepare(news, minFreq: 1, limit: 500);
        var withoutIt = EncodedData.Prepare(news with { Train = news.Train.Skip(1).ToArray() }, minFreq: 1);

        Assert.Equal(ExampleEncoder.DefaultMaxTokens, data.Train[0].Tokens.Length);
        Assert.Equal(withoutIt.Train.Select(e => e.Tokens.Length), data.Train.Skip(1).Select(e => e.Tokens.Length));
        Assert.InRange(data.Vocabulary.Count, withoutIt.Vocabulary.Count, withoutIt.Vocabulary.Count + ExampleEncoder.DefaultMaxTokens);
        Assert.Equal(ExampleEncoder.DefaultMaxTokens, ExampleEncoder.Encode(news.Train[0].Text, data.Vocabulary).Length);
    }

    [Fact]
    public void A_smaller_cap_keeps_the_first_tokens_of_every_text()
    {
        var news = AgNews.Load(folder.Path);
        var vocabulary = Vocabulary.Build(ExampleEncoder.Tokenize(news.Train), minFreq: 1);

        var cut = ExampleEncoder.Encode(news.Train, vocabulary, maxTokens: 8);

        var full = ExampleEncoder.Encode(news.Train, vocabulary, maxTokens: int.MaxValue);
        Assert.All(cut.Zip(full), pair => Assert.Equal(pair.Second.Tokens.Take(8), pair.First.Tokens));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExampleEncoder.Encode(news.Train, vocabulary, maxTokens: 0));
    }

    [Fact]
    public void Lessons_data_says_how_many_texts_the_cap_cuts()
    {
        var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(output) });

        Assert.Equal(0, DataCommand.Run(folder.Path, console, TextWriter.Null));

        Assert.Matches(@"the longest here has \d{3},\d{3}, so 1 text is cut\.", output.ToString());
    }

    [Fact]
    public void Train_with_limit_500_finishes_on_it()
    {
        TorchRuntime.EnsureReady();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        int exit;
        try
        {
            exit = TrainCommand.Create().Parse(["--model", "lstm", "--epochs", "1", "--limit", "500", "--data", folder.Path, "--json"]).Invoke();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("\"epoch\":1", output.ToString());
    }
}
