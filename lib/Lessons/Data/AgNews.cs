namespace Lessons.Data;

/// <summary>
/// The AG News topic classification data set (Zhang, Zhao and LeCun, 2015): 120,000 training and 7,600 test
/// articles in four classes. <see cref="Load"/> finds it (see <see cref="AgNewsLoader"/> for where it looks).
/// </summary>
public static class AgNews
{
    /// <summary>The class names by label (the files' classes 1..4 are labels 0..3).</summary>
    public static IReadOnlyList<string> Classes { get; } = ["World", "Sports", "Business", "Sci/Tech"];

    /// <summary><see cref="Classes"/> as the kit's language names them (Dünya, Spor, Ekonomi, Bilim/Teknoloji in Turkish).</summary>
    internal static IReadOnlyList<string> ShownClasses() =>
        [.. new[] { "class.world", "class.sports", "class.business", "class.sci-tech" }.Select(Localization.KitLanguage.Words.Text)];

    /// <summary>The environment variable that chooses the data: <see cref="MiniChoice"/> (the default),
    /// <see cref="FullChoice"/>, or a folder holding train.csv and test.csv.</summary>
    public const string DataVariable = "LESSONS_DATA";

    /// <summary>The choice of the 6,080/1,520-row split that ships in the repository's <c>data/ag_news-mini/</c>.</summary>
    public const string MiniChoice = "mini";

    /// <summary>The choice of the full data set, downloaded once into the cache <c>data/ag_news/</c>.</summary>
    public const string FullChoice = "full";

    /// <summary>The file names of the two splits.</summary>
    public const string TrainFile = "train.csv", TestFile = "test.csv";

    /// <summary>The dataset's usual place on the web: the <c>data/ag_news_csv/</c> folder of the GitHub repository
    /// mhjabreel/CharCnn_Keras (where torchtext downloads it from too).</summary>
    public static Uri DownloadUrl { get; } = new("https://raw.githubusercontent.com/mhjabreel/CharCnn_Keras/master/data/ag_news_csv/");

    /// <summary>The sha256 of the published files; a download and a cached copy must match.</summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>
    {
        [TrainFile] = "76a0a2d2f92b286371fe4d4044640910a04a803fdd2538e0f3f29a5c6f6b672e",
        [TestFile] = "521465c2428ed7f02f8d6db6ffdd4b5447c1c701962353eb2c40d548c3c85699",
    };

    /// <summary>The sizes in bytes of the published files: a download stops there, so a server that sends more (or
    /// without end) cannot fill the disk.</summary>
    public static IReadOnlyDictionary<string, long> Sizes { get; } = new Dictionary<string, long>
    {
        [TrainFile] = 29_470_338,
        [TestFile] = 1_857_427,
    };

    /// <summary>The sha256 of the shipped mini split (see <c>data/ag_news-mini/README.md</c>).</summary>
    public static IReadOnlyDictionary<string, string> MiniSha256 { get; } = new Dictionary<string, string>
    {
        [TrainFile] = "873272504b5ec32aa8fdfdb6fdf0510607b4c15e734076b168940cba2d54bccd",
        [TestFile] = "160d48d1ad7961d59408c91dd75a9d2a4891599e8ff07b0826335f3b980d528e",
    };

    /// <summary>
    /// Loads both splits of the data chosen by <paramref name="data"/> if given, else by env <c>LESSONS_DATA</c>:
    /// <c>mini</c> or nothing, the split shipped in <c>data/ag_news-mini/</c>; <c>full</c>, the cache
    /// <c>data/ag_news/</c>, downloaded into it first if need be (reporting to <paramref name="progress"/>);
    /// anything else, a folder holding train.csv and test.csv.
    /// </summary>
    /// <exception cref="AgNewsNotFoundException">The chosen data is missing, the download failed, or a shipped or
    /// cached file is not the known one.</exception>
    /// <exception cref="DataFormatException">A file has a bad row.</exception>
    public static TextClassificationData Load(string? data = null, IProgress<DownloadProgress>? progress = null) =>
        new AgNewsLoader { Choice = data }.Load(progress);
}
