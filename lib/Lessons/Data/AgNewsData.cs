namespace Lessons.Data;

/// <summary>Both splits of AG News and where they came from (a sentence for people, e.g. "cache /repo/data/ag_news").</summary>
public sealed record AgNewsData(IReadOnlyList<NewsItem> Train, IReadOnlyList<NewsItem> Test, string Source);
