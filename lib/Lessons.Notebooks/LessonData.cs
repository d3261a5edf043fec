using Lessons.Batching;
using Lessons.Data;
using Lessons.Text;
using Lessons.Training;

namespace Lessons.Notebooks;

/// <summary>
/// AG News as the lesson notebooks use it: loaded, tokenized once, the vocabulary built from the training split
/// (<see cref="Recipe.MinFreq"/>), both splits encoded. In quick mode (<see cref="Kit.Quick"/>) the notebooks train
/// <see cref="Lesson.QuickEpochs"/> epochs on at most the mini split's size, a slice spread evenly over each split.
/// </summary>
public sealed record LessonData(AgNewsData News, EncodedData Encoded)
{
    /// <summary>
    /// Rows kept in quick mode: the shipped mini split's size, so it is used whole (smaller slices leave the models
    /// near chance after a few epochs) and the full AG News shrinks to it.
    /// </summary>
    public const int QuickTrainRows = 6080, QuickTestRows = 1520;

    public Vocabulary Vocabulary => Encoded.Vocabulary;
    public IReadOnlyList<EncodedExample> Train => Encoded.Train;
    public IReadOnlyList<EncodedExample> Test => Encoded.Test;
    public IReadOnlyList<string> Classes => AgNews.Classes;

    /// <summary>The text of test headline <paramref name="index"/>.</summary>
    public string TestText(int index) => News.Test[index].Text;

    /// <summary>Loads the chosen AG News (<paramref name="data"/>, else env LESSONS_DATA: the shipped mini split by
    /// default, <c>full</c>, or a folder; see <see cref="AgNews.Load"/>) and encodes it.</summary>
    public static LessonData Prepare(string? data = null, int minFreq = Recipe.MinFreq)
    {
        var news = AgNews.Load(data);
        if (Kit.Quick) news = news with { Train = Spread(news.Train, QuickTrainRows), Test = Spread(news.Test, QuickTestRows) };
        return new LessonData(news, EncodedData.Prepare(news, minFreq));
    }

    /// <summary>At most <paramref name="count"/> rows taken at an even stride, so every class stays represented.</summary>
    static NewsItem[] Spread(IReadOnlyList<NewsItem> rows, int count)
    {
        if (rows.Count <= count) return [.. rows];
        double stride = (double)rows.Count / count;
        return [.. Enumerable.Range(0, count).Select(i => rows[(int)(i * stride)])];
    }

    public override string ToString() =>
        $"{News.InUse}\n{Train.Count:N0} training and {Test.Count:N0} test headlines{(Kit.Quick ? $" (quick mode: {Lesson.QuickEpochs} epochs)" : "")}; " +
        $"vocabulary of {Vocabulary.Count:N0} entries (words seen at least {Vocabulary.MinFreq} times)";
}
