using Lessons.Data;

namespace Lessons.Tests.Data;

/// <summary>The read-only sample data in <c>../shared/data</c> beside the checkout (CI lays a copy there too).</summary>
internal static class SharedData
{
    public static string Folder { get; } = Locate();

    /// <summary>6,080 train + 1,520 test real AG News rows.</summary>
    public static string Mini => Path.Combine(Folder, "ag_news-mini");

    /// <summary>The original 7,600-row AG News test.csv (sha256 = <see cref="AgNews.Sha256"/>["test.csv"]).</summary>
    public static string OriginalTest => Path.Combine(Folder, "ag_news", "test.csv");

    private static string Locate()
    {
        var root = RepositoryRoot.FindFrom(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No {RepositoryRoot.Marker} above {AppContext.BaseDirectory}");
        var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"The shared sample data is not at {folder}");
    }
}
