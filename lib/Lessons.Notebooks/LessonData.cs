using Lessons.Batching;
using Lessons.Data;
using Lessons.Text;
using Lessons.Training;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// The data as the lesson notebooks use it, AG News by default or a user's own CSV or TSV file: loaded, tokenized once,
/// the vocabulary built from the training split (<see cref="Recipe.MinFreq"/>), both splits encoded. In quick mode (<see cref="Kit.Quick"/>) the notebooks train
/// <see cref="Lesson.QuickEpochs"/> epochs on at most the mini split's size, a slice spread evenly over each split.
/// </summary>
public sealed record LessonData(TextClassificationData News, EncodedData Encoded)
{
    /// <summary>
    /// Rows kept in quick mode: the shipped mini split's size, so it is used whole (smaller slices leave the models
    /// near chance after a few epochs) and the full AG News shrinks to it.
    /// </summary>
    public const int QuickTrainRows = 6080, QuickTestRows = 1520;

    public Vocabulary Vocabulary => Encoded.Vocabulary;
    public IReadOnlyList<EncodedExample> Train => Encoded.Train;
    public IReadOnlyList<EncodedExample> Test => Encoded.Test;

    /// <summary>The class names by label: AG News's four, or those of own data (its labels, or its classes.txt).</summary>
    public IReadOnlyList<string> Classes => News.Classes;

    /// <summary>The text of test headline <paramref name="index"/>.</summary>
    public string TestText(int index) => News.Test[index].Text;

    /// <summary>
    /// Loads the chosen data and encodes it, as <c>lessons train --data</c> does (<see cref="OwnData.Load"/>):
    /// <paramref name="data"/>, else env LESSONS_DATA, is the shipped AG News mini split by default, <c>full</c>, a
    /// folder, or a CSV or TSV file of your own, split into train and test (<paramref name="testShare"/> of each class
    /// held out, seeded by <paramref name="seed"/>). For own data, <paramref name="labelColumn"/> names the column
    /// holding the class (default <c>label</c>) and <paramref name="textColumns"/> the text columns (default: all the
    /// others), by header name or by index from 0; see <see cref="OwnDataOptions"/>.
    /// </summary>
    public static LessonData Prepare(string? data = null, int minFreq = Recipe.MinFreq, string? labelColumn = null,
        IReadOnlyList<string>? textColumns = null, double testShare = OwnDataOptions.DefaultTestShare, int seed = 0)
    {
        var news = OwnData.Load(data, new OwnDataOptions(labelColumn, textColumns, testShare, seed));
        if (Kit.Quick) news = news with { Train = Spread(news.Train, QuickTrainRows), Test = Spread(news.Test, QuickTestRows) };
        return new LessonData(news, EncodedData.Prepare(news, minFreq));
    }

    /// <summary>At most <paramref name="count"/> rows taken at an even stride, so every class stays represented.</summary>
    internal static T[] Spread<T>(IReadOnlyList<T> rows, int count)
    {
        if (rows.Count <= count) return [.. rows];
        double stride = (double)rows.Count / count;
        return [.. Enumerable.Range(0, count).Select(i => rows[(int)(i * stride)])];
    }

    public override string ToString() =>
        News.InUse + "\n" + Words.Format(Kit.Quick ? "data.prepared-quick" : "data.prepared",
            Train.Count, Test.Count, News.RowKind, Lesson.QuickEpochs, Vocabulary.Count, Vocabulary.MinFreq);
}
