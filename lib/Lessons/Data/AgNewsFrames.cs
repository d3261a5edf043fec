using Microsoft.Data.Analysis;

namespace Lessons.Data;

/// <summary>AG News as <see cref="DataFrame"/>s, for a look in a notebook (the notebooks render them as tables).</summary>
public static class AgNewsFrames
{
    /// <summary>The first <paramref name="rows"/> articles: label, class name (from <paramref name="classes"/>, by
    /// default AG News's; pass <see cref="AgNewsData.Classes"/> for own data), title, description.</summary>
    public static DataFrame Preview(IReadOnlyList<NewsItem> items, int rows = 10, IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var names = classes ?? AgNews.Classes;
        var head = items.Take(rows).ToList();
        return new DataFrame(
            new PrimitiveDataFrameColumn<int>("label", head.Select(i => i.Label)),
            new StringDataFrameColumn("class", head.Select(i => names[i.Label])),
            new StringDataFrameColumn("title", head.Select(i => i.Title)),
            new StringDataFrameColumn("description", head.Select(i => i.Description)));
    }

    /// <summary>The number of articles per class in each split.</summary>
    public static DataFrame ClassCounts(AgNewsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] Count(IReadOnlyList<NewsItem> split)
        {
            var counts = new int[data.Classes.Count];
            foreach (var item in split) counts[item.Label]++;
            return counts;
        }
        return new DataFrame(
            new PrimitiveDataFrameColumn<int>("label", Enumerable.Range(0, data.Classes.Count)),
            new StringDataFrameColumn("class", data.Classes),
            new PrimitiveDataFrameColumn<int>("train", Count(data.Train)),
            new PrimitiveDataFrameColumn<int>("test", Count(data.Test)));
    }

    /// <summary>Token-length statistics per split (see <see cref="TokenLengthStatistics"/>).</summary>
    public static DataFrame TokenLengths(AgNewsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var splits = new[] { ("train", TokenLengthStatistics.Of(data.Train)), ("test", TokenLengthStatistics.Of(data.Test)) };
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Item1)),
            new PrimitiveDataFrameColumn<int>("rows", splits.Select(s => s.Item2.Rows)),
            new PrimitiveDataFrameColumn<long>("tokens", splits.Select(s => s.Item2.Tokens)),
            new PrimitiveDataFrameColumn<int>("min", splits.Select(s => s.Item2.Min)),
            new PrimitiveDataFrameColumn<double>("mean", splits.Select(s => Math.Round(s.Item2.Mean, 2))),
            new PrimitiveDataFrameColumn<int>("median", splits.Select(s => s.Item2.Median)),
            new PrimitiveDataFrameColumn<int>("p95", splits.Select(s => s.Item2.P95)),
            new PrimitiveDataFrameColumn<int>("max", splits.Select(s => s.Item2.Max)));
    }
}
