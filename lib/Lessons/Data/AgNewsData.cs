using System.Globalization;

namespace Lessons.Data;

/// <summary>Both splits of AG News and where they came from (a sentence for people, e.g. "cache /repo/data/ag_news").</summary>
public sealed record AgNewsData(IReadOnlyList<NewsItem> Train, IReadOnlyList<NewsItem> Test, string Source)
{
    /// <summary>
    /// "AG News: 6,080 train, 1,520 test headlines, 4 classes": what a notebook shows for the value, instead of the
    /// record's dump of list type names. Leaves out <see cref="Source"/>, which may hold a path of this machine.
    /// </summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "AG News: {0:N0} train, {1:N0} test headlines, {2} classes",
        Train.Count, Test.Count, Train.Concat(Test).Select(i => i.Label).Distinct().Count());
}
