using Lessons.Data;

namespace Lessons.Tests.Data;

/// <summary>The data that ships in the repository's <c>data/</c> folder: no test reads anything outside the checkout.</summary>
internal static class SharedData
{
    /// <summary>The repository's <c>data/</c> folder.</summary>
    public static string Folder { get; } = Locate();

    /// <summary>The shipped mini split: 6,080 train + 1,520 test real AG News rows (sha256 <see cref="AgNews.MiniSha256"/>).</summary>
    public static string Mini => Path.Combine(Folder, "ag_news-mini");

    /// <summary>The bytes of one file of the mini split.</summary>
    public static byte[] MiniBytes(string file) => File.ReadAllBytes(Path.Combine(Mini, file));

    private static string Locate()
    {
        var folder = Path.Combine(TestRepository.Root, "data");
        return Directory.Exists(Path.Combine(folder, "ag_news-mini"))
            ? folder : throw new DirectoryNotFoundException($"The shipped mini split is not at {folder}/ag_news-mini");
    }
}
