using Lessons.Data;
using Lessons.Models;
using Lessons.Notebooks;
using Lessons.Tests.Data;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// <see cref="LessonData.Prepare"/>, the notebooks' one call for data: a user's own file of string-labelled classes
/// reaches the model and the trainer with its own class names, and AG News stays what the committed notebooks show.
/// In the notebook collection, which runs alone, because quick mode (an environment variable) changes what Prepare keeps.
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed class LessonDataTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Three topics, ten rows each, each topic with its own words, and a column the model must not read.</summary>
    private string ThreeTopics()
    {
        string[] words = ["goal match team", "rain cloud wind", "vote budget party"];
        string[] topics = ["sports news", "weather", "politics"];
        var rows = Enumerable.Range(0, 30).Select(i => $"{topics[i % 3]}\t{words[i % 3]} {i}\tnote {i}");
        return folder.Write("topics.tsv", "topic\ttitle\tnote\n" + string.Join("\n", rows) + "\n");
    }

    [Fact]
    public void A_file_of_three_string_labelled_classes_reaches_the_trainer_with_its_class_names()
    {
        var data = LessonData.Prepare(ThreeTopics(), minFreq: 1, labelColumn: "topic", textColumns: ["title"], testShare: 0.3);

        Assert.Equal(["politics", "sports news", "weather"], data.Classes);
        Assert.Equal((21, 9), (data.Train.Count, data.Test.Count));
        Assert.StartsWith("Data: file topics.tsv (label column «topic», text column «title»; 3 classes; 70% train / 30% test",
            data.ToString());
        Assert.Contains("\n21 training and 9 test texts; ", data.ToString());
        Assert.Equal("topics.tsv: 21 train, 9 test texts, 3 classes", data.News.ToString());
        Assert.DoesNotContain(data.Vocabulary.Tokens, t => t == "note");
        Assert.All(data.News.Train, item =>
            Assert.StartsWith(new[] { "vote", "goal", "rain" }[item.Label], item.Text, StringComparison.Ordinal));

        var options = Lesson.Options(CellKind.Lstm, data);
        Assert.Equal(3, options.Classes);
        manual_seed(0);
        using var model = new RecurrentClassifier(options);
        var history = Lesson.Train(model, data, "topics", Recipe.Training with { Epochs = 1 });
        Assert.Equal(["politics", "sports news", "weather"], history.ChosenConfusion.Classes);
        Assert.Equal(9, history.ChosenConfusion.Total);
        Assert.Equal(3, Lesson.Classify(model, data, "rain and wind").Probabilities.Count);
        Assert.Equal("sports news", AgNewsFrames.ClassCounts(data.News)["class"][1]);
    }

    [Fact]
    public void AG_News_is_prepared_as_before()
    {
        var data = LessonData.Prepare(AgNews.MiniChoice);

        Assert.Equal(AgNews.Classes, data.Classes);
        Assert.Equal("AG News: 6,080 train, 1,520 test headlines, 4 classes", data.News.ToString());
        Assert.StartsWith("Data: AG News mini split (data/ag_news-mini, shipped with the kit)", data.ToString());
        Assert.Contains("\n6,080 training and 1,520 test headlines; vocabulary of 11,959 entries (words seen at least 2 times)",
            data.ToString());
        Assert.Equal(Recipe.Classifier(CellKind.Lstm, data.Vocabulary.Count), Lesson.Options(CellKind.Lstm, data));
        Assert.Equal("Sci/Tech", AgNewsFrames.Preview(data.News.Test, rows: 1)["class"][0]);
    }

    [Fact]
    public void A_label_column_that_is_not_there_is_named_with_the_file()
    {
        var path = ThreeTopics();

        var error = Assert.Throws<DataFormatException>(() => LessonData.Prepare(path, labelColumn: "class"));

        Assert.Equal((path, 1), (error.File, error.Line));
        Assert.StartsWith("there is no column «class» (--label-column)", error.Problem);
    }
}
