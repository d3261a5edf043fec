namespace Lessons.Data;

/// <summary>Both splits of AG News, which data they are (<paramref name="Source"/>, e.g. "AG News mini split
/// (data/ag_news-mini, shipped with the kit)") and how to choose other data (<paramref name="HowToSwitch"/>).
/// Neither names a path outside the repository unless the user gave one.</summary>
public sealed record AgNewsData(IReadOnlyList<NewsItem> Train, IReadOnlyList<NewsItem> Test, string Source, string HowToSwitch = "")
{
    /// <summary>The full path of the folder the two files were read from (for a tool that reads them itself, such as
    /// the bench's PyTorch reference); not for messages.</summary>
    public string Folder { get; init; } = "";

    /// <summary>One line for people: the data in use and how to switch.</summary>
    public string InUse => HowToSwitch.Length == 0 ? $"Data: {Source}" : $"Data: {Source}; {HowToSwitch}";
}
