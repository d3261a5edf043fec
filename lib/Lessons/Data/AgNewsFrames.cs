using Microsoft.Data.Analysis;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Data;

/// <summary>AG News as <see cref="DataFrame"/>s, for a look in a notebook (the notebooks render them as tables).</summary>
public static class AgNewsFrames
{
    /// <summary>The first <paramref name="rows"/> articles: label, class name (from <paramref name="classes"/>, by
    /// default AG News's; pass <see cref="TextClassificationData.Classes"/> for own data), title, description.</summary>
    public static DataFrame Preview(IReadOnlyList<LabeledText> items, int rows = 10, IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var names = classes ?? AgNews.ShownClasses();
        var head = items.Take(rows).ToList();
        return new DataFrame(
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.label"), head.Select(i => i.Label)),
            new StringDataFrameColumn(Words.Text("frame.class"), head.Select(i => names[i.Label])),
            new StringDataFrameColumn(Words.Text("frame.title"), head.Select(i => i.Title)),
            new StringDataFrameColumn(Words.Text("frame.description"), head.Select(i => i.Description)));
    }

    /// <summary>The number of articles per class in each split.</summary>
    public static DataFrame ClassCounts(TextClassificationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] Count(IReadOnlyList<LabeledText> split)
        {
            var counts = new int[data.Classes.Count];
            foreach (var item in split) counts[item.Label]++;
            return counts;
        }
        return new DataFrame(
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.label"), Enumerable.Range(0, data.Classes.Count)),
            new StringDataFrameColumn(Words.Text("frame.class"), data.Classes),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.train"), Count(data.Train)),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.test"), Count(data.Test)));
    }

    /// <summary>Token-length statistics per split (see <see cref="TokenLengthStatistics"/>).</summary>
    public static DataFrame TokenLengths(TextClassificationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var splits = new[] { (Words.Text("frame.train"), TokenLengthStatistics.Of(data.Train)), (Words.Text("frame.test"), TokenLengthStatistics.Of(data.Test)) };
        return new DataFrame(
            new StringDataFrameColumn(Words.Text("frame.split"), splits.Select(s => s.Item1)),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.rows"), splits.Select(s => s.Item2.Rows)),
            new PrimitiveDataFrameColumn<long>(Words.Text("frame.tokens"), splits.Select(s => s.Item2.Tokens)),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.min"), splits.Select(s => s.Item2.Min)),
            new PrimitiveDataFrameColumn<double>(Words.Text("frame.mean"), splits.Select(s => Math.Round(s.Item2.Mean, 2))),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.median"), splits.Select(s => s.Item2.Median)),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.p95"), splits.Select(s => s.Item2.P95)),
            new PrimitiveDataFrameColumn<int>(Words.Text("frame.max"), splits.Select(s => s.Item2.Max)));
    }
}
