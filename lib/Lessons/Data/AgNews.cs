namespace Lessons.Data;

/// <summary>
/// The AG News topic classification data set (Zhang, Zhao and LeCun, 2015): 120,000 training and 7,600 test
/// articles in four classes. <see cref="Load"/> finds it (see <see cref="AgNewsLoader"/> for where it looks).
/// </summary>
public static class AgNews
{
    /// <summary>The class names by label (the files' classes 1..4 are labels 0..3).</summary>
    public static IReadOnlyList<string> Classes { get; } = ["World", "Sports", "Business", "Sci/Tech"];

    /// <summary>The environment variable that names a folder holding train.csv and test.csv.</summary>
    public const string DataVariable = "LESSONS_DATA";

    /// <summary>The file names of the two splits.</summary>
    public const string TrainFile = "train.csv", TestFile = "test.csv";

    /// <summary>The dataset's usual place on the web: the <c>data/ag_news_csv/</c> folder of the GitHub repository
    /// mhjabreel/CharCnn_Keras (where torchtext downloads it from too).</summary>
    public static Uri DownloadUrl { get; } = new("https://raw.githubusercontent.com/mhjabreel/CharCnn_Keras/master/data/ag_news_csv/");

    /// <summary>The sha256 of the published files; a download must match.</summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>
    {
        [TrainFile] = "76a0a2d2f92b286371fe4d4044640910a04a803fdd2538e0f3f29a5c6f6b672e",
        [TestFile] = "521465c2428ed7f02f8d6db6ffdd4b5447c1c701962353eb2c40d548c3c85699",
    };

    /// <summary>
    /// Loads both splits from, in order: <paramref name="folder"/> if given; else the folder in env
    /// <c>LESSONS_DATA</c>; else the repository's cache <c>data/ag_news/</c>; else downloads into that cache,
    /// reporting to <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="AgNewsNotFoundException">No place had the data and the download failed.</exception>
    /// <exception cref="AgNewsFormatException">A file has a bad row.</exception>
    public static AgNewsData Load(string? folder = null, IProgress<DownloadProgress>? progress = null) =>
        new AgNewsLoader { Folder = folder }.Load(progress);
}
