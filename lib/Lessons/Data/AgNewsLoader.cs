namespace Lessons.Data;

/// <summary>
/// Where AG News comes from, in order: <see cref="Folder"/> (an argument); the folder in env <c>LESSONS_DATA</c>
/// (<see cref="EnvironmentFolder"/>); the cache <see cref="CacheFolder"/> (<c>data/ag_news/</c> of the repository);
/// a download from <see cref="DownloadUrl"/> into that cache, checked against the published sha256. A folder named
/// by argument or environment must hold both files: naming one is a choice, and a wrong choice is an error, not a
/// reason to look elsewhere. Every property can be set, so tests point it at temporary folders and a local server.
/// </summary>
public sealed class AgNewsLoader
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(20),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    })
    { Timeout = Timeout.InfiniteTimeSpan });

    /// <summary>A folder holding train.csv and test.csv, given by the caller.</summary>
    public string? Folder { get; init; }

    /// <summary>The folder named by env <c>LESSONS_DATA</c> (read when the loader is made).</summary>
    public string? EnvironmentFolder { get; init; } = Environment.GetEnvironmentVariable(AgNews.DataVariable);

    /// <summary>The download cache: <c>data/ag_news/</c> of the repository (see <see cref="RepositoryRoot"/>), or,
    /// outside a checkout, <c>lessons/ag_news</c> in the user's local application data.</summary>
    public string CacheFolder { get; init; } = DefaultCacheFolder();

    /// <summary>The folder URL the two files are downloaded from (env <c>LESSONS_DATA_URL</c> overrides the default).</summary>
    public Uri DownloadUrl { get; init; } = DefaultDownloadUrl();

    /// <summary>Whether a missing cache may be filled from <see cref="DownloadUrl"/>.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>How long a download may go without receiving a byte.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The client for downloads (a shared one by default).</summary>
    public HttpClient? Client { get; init; }

    /// <summary>The expected sha256 of each file (the published ones by default).</summary>
    public IReadOnlyDictionary<string, string> Sha256 { get; init; } = AgNews.Sha256;

    /// <inheritdoc cref="LoadAsync"/>
    public AgNewsData Load(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        LoadAsync(progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Finds, downloads if need be, and reads both splits.</summary>
    /// <exception cref="AgNewsNotFoundException">No place had the data and the download failed (the message names
    /// every place and how to fix it), or a named folder lacks a file.</exception>
    /// <exception cref="AgNewsFormatException">A file has a bad row.</exception>
    public async Task<AgNewsData> LoadAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Folder is not null)
            return ReadNamedFolder(Folder, "given as argument");
        if (!string.IsNullOrWhiteSpace(EnvironmentFolder))
            return ReadNamedFolder(EnvironmentFolder, $"named by {AgNews.DataVariable}");

        var cache = Path.GetFullPath(CacheFolder);
        var missing = Missing(cache);
        if (missing.Count == 0)
            return Read(cache, $"cache {cache}");

        if (!AllowDownload)
            throw NotFound(cache, missing, "downloads are turned off", null);
        var fetched = new List<string>();
        try
        {
            foreach (var file in missing)
            {
                var url = new Uri(FolderUrl(), file);
                await VerifiedDownload.DownloadAsync(Client ?? SharedClient.Value, url, Path.Combine(cache, file), Sha256[file],
                    progress, StallTimeout, cancellationToken).ConfigureAwait(false);
                fetched.Add(file);
            }
        }
        catch (DataDownloadException e)
        {
            throw NotFound(cache, missing, e.Message, e);
        }
        return Read(cache, $"cache {cache} ({string.Join(" and ", fetched)} downloaded from {FolderUrl()})");
    }

    private AgNewsData ReadNamedFolder(string folder, string how)
    {
        var full = Path.GetFullPath(folder);
        var missing = Missing(full);
        if (missing.Count > 0)
            throw new AgNewsNotFoundException(
                $"The folder {full} ({how}) has no {string.Join(" and no ", missing)}. " +
                $"It must hold both {AgNews.TrainFile} and {AgNews.TestFile} of AG News.");
        return Read(full, $"folder {full} ({how})");
    }

    private static AgNewsData Read(string folder, string source) =>
        new(AgNewsCsv.Read(Path.Combine(folder, AgNews.TrainFile)), AgNewsCsv.Read(Path.Combine(folder, AgNews.TestFile)), source);

    private static List<string> Missing(string folder) =>
        new[] { AgNews.TrainFile, AgNews.TestFile }.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();

    private Uri FolderUrl() => DownloadUrl.AbsoluteUri.EndsWith('/') ? DownloadUrl : new Uri(DownloadUrl.AbsoluteUri + "/");

    private AgNewsNotFoundException NotFound(string cache, List<string> missing, string downloadProblem, Exception? inner) =>
        new($"""
            AG News was not found, and the download failed. Looked in, in order:
              1. a folder given as argument: none given
              2. the folder in env {AgNews.DataVariable}: not set
              3. the cache {cache}: no {string.Join(" and no ", missing)}
              4. a download from {FolderUrl()}: {downloadProblem}
            To fix it, get train.csv and test.csv of AG News (the data/ag_news_csv folder of the GitHub repository
            mhjabreel/CharCnn_Keras), put them in a folder and set {AgNews.DataVariable} to that folder, or copy them
            into {cache}. The small offline split in shared/data/ag_news-mini works the same way.
            """, inner);

    private static string DefaultCacheFolder()
    {
        var root = RepositoryRoot.Find();
        return root is not null
            ? Path.Combine(root, "data", "ag_news")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "lessons", "ag_news");
    }

    private static Uri DefaultDownloadUrl()
    {
        var overridden = Environment.GetEnvironmentVariable("LESSONS_DATA_URL");
        return string.IsNullOrWhiteSpace(overridden) ? AgNews.DownloadUrl : new Uri(overridden);
    }
}
