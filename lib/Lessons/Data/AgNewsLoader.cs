using System.Security.Cryptography;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Data;

/// <summary>
/// Which AG News a run uses, chosen by <see cref="Choice"/> (an argument), else env <c>LESSONS_DATA</c>
/// (<see cref="EnvironmentChoice"/>): <c>mini</c> or nothing, the split shipped in <see cref="MiniFolder"/>;
/// <c>full</c>, the cache <see cref="CacheFolder"/>, filled from <see cref="DownloadUrl"/> when a file is missing;
/// anything else, a folder holding both files. The shipped and the cached files are checked against their known
/// sha256 on every load (a copy cut short at a row boundary parses fine, so only the hash tells); a user's folder
/// is read as it is. Naming a folder is a choice, and a wrong choice is an error, not a reason to look elsewhere.
/// Every property can be set, so tests point it at temporary folders and a local server.
/// </summary>
internal sealed class AgNewsLoader
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(20),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    })
    { Timeout = Timeout.InfiniteTimeSpan });

    private const string UrlVariable = "LESSONS_DATA_URL";

    /// <summary>The data chosen by the caller: <c>mini</c>, <c>full</c> or a folder (null: see
    /// <see cref="EnvironmentChoice"/>).</summary>
    public string? Choice { get; init; }

    /// <summary>The choice in env <c>LESSONS_DATA</c> (read when the loader is made).</summary>
    public string? EnvironmentChoice { get; init; } = Environment.GetEnvironmentVariable(AgNews.DataVariable);

    /// <summary>The shipped mini split: <c>data/ag_news-mini/</c> of the repository (null outside a checkout).</summary>
    public string? MiniFolder { get; init; } = InRepository("ag_news-mini");

    /// <summary>The expected sha256 of the mini split's files.</summary>
    public IReadOnlyDictionary<string, string> MiniSha256 { get; init; } = AgNews.MiniSha256;

    /// <summary>The download cache: <c>data/ag_news/</c> of the repository (see <see cref="RepositoryRoot"/>), or,
    /// outside a checkout, <c>lessons/ag_news</c> in the user's local application data.</summary>
    public string CacheFolder { get; init; } = InRepository("ag_news")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "lessons", "ag_news");

    /// <summary>The folder URL the two files are downloaded from (null: env <c>LESSONS_DATA_URL</c>
    /// (<see cref="DownloadUrlSetting"/>), else <see cref="AgNews.DownloadUrl"/>).</summary>
    public Uri? DownloadUrl { get; init; }

    /// <summary>The text of env <c>LESSONS_DATA_URL</c>; only parsed when a download is needed, so a bad one stops
    /// nothing else.</summary>
    public string? DownloadUrlSetting { get; init; } = Environment.GetEnvironmentVariable(UrlVariable);

    /// <summary>Whether a missing cache may be filled from <see cref="DownloadUrl"/>.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>How long a download may go without receiving a byte.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The client for downloads (a shared one by default).</summary>
    public HttpClient? Client { get; init; }

    /// <summary>The expected sha256 of each file of the full data set (the published ones by default).</summary>
    public IReadOnlyDictionary<string, string> Sha256 { get; init; } = AgNews.Sha256;

    /// <summary>The size in bytes of each file of the full data set (the published ones by default): a download reads no more.</summary>
    public IReadOnlyDictionary<string, long> Sizes { get; init; } = AgNews.Sizes;

    /// <inheritdoc cref="LoadAsync"/>
    public TextClassificationData Load(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        LoadAsync(progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Finds, downloads if need be, checks and reads both splits of the chosen data.</summary>
    /// <exception cref="AgNewsNotFoundException">The chosen data is missing, the download failed (the message names
    /// every place and how to fix it), or a shipped or cached file is not the known one.</exception>
    /// <exception cref="DataFormatException">A file has a bad row.</exception>
    public async Task<TextClassificationData> LoadAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RemoveStaleDownloads();
        var (choice, how) = Choice is not null ? (Choice, "given as argument")
            : !string.IsNullOrWhiteSpace(EnvironmentChoice) ? (EnvironmentChoice, $"named by {AgNews.DataVariable}")
            : (AgNews.MiniChoice, "");
        if (choice.Equals(AgNews.MiniChoice, StringComparison.OrdinalIgnoreCase))
            return ReadMini();
        if (choice.Equals(AgNews.FullChoice, StringComparison.OrdinalIgnoreCase))
            return await LoadFullAsync(progress, cancellationToken).ConfigureAwait(false);
        return ReadNamedFolder(choice, how);
    }

    private TextClassificationData ReadMini()
    {
        string how = Words.Format("data.mini-switch", AgNews.DataVariable);
        if (MiniFolder is null || Missing(MiniFolder) is { Count: > 0 })
            throw new AgNewsNotFoundException(
                $"The AG News mini split that ships with the kit is not {(MiniFolder is null ? "here (no checkout of the kit was found)" : $"in {Shown(MiniFolder)}")}: " +
                $"run inside the kit's repository, or set {AgNews.DataVariable} to full or to a folder holding train.csv and test.csv.");
        var restore = $"restore it with: git checkout -- {Shown(MiniFolder)}";
        return Read(MiniFolder, MiniSha256, "the shipped mini split", restore,
            Words.Format("data.mini-source", Shown(MiniFolder)), how);
    }

    private async Task<TextClassificationData> LoadFullAsync(IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        const string how = $"for the small split shipped with the kit unset {AgNews.DataVariable} or pass --data mini";
        var cache = Path.GetFullPath(CacheFolder);
        var source = $"full AG News (cache {Shown(cache)})";
        var missing = Missing(cache);
        if (missing.Count > 0)
        {
            if (!AllowDownload)
                throw NotFound(cache, missing, "no download: downloads are turned off", null);
            if (!TryFolderUrl(out var folderUrl, out var urlProblem))
                throw NotFound(cache, missing, urlProblem, null);
            try
            {
                foreach (var file in missing)
                    await VerifiedDownload.DownloadAsync(Client ?? SharedClient.Value, new Uri(folderUrl, file), Path.Combine(cache, file),
                        Sha256[file], Sizes[file], progress, StallTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (DataDownloadException e)
            {
                throw NotFound(cache, missing, e.Message, e);
            }
            source = $"full AG News (cache {Shown(cache)}; {string.Join(" and ", missing)} downloaded from {folderUrl})";
        }
        return Read(cache, Sha256, "the published AG News file", "delete it and run again to download it afresh", source, how);
    }

    private static TextClassificationData ReadNamedFolder(string folder, string how)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new AgNewsNotFoundException(
                $"There is no folder {full} ({how}){(File.Exists(full) ? ", only a file" : "")}: choose {AgNews.MiniChoice}, " +
                $"{AgNews.FullChoice} or a folder holding {AgNews.TrainFile} and {AgNews.TestFile} of AG News.");
        var missing = Missing(full);
        if (missing.Count > 0)
            throw new AgNewsNotFoundException(
                $"The folder {full} ({how}) has no {string.Join(" and no ", missing)}. " +
                $"It must hold both {AgNews.TrainFile} and {AgNews.TestFile} of AG News " +
                $"(or choose {AgNews.MiniChoice} or {AgNews.FullChoice} instead of a folder).");
        return new TextClassificationData(ReadFile(full, AgNews.TrainFile, null), ReadFile(full, AgNews.TestFile, null),
            $"folder {Shown(full)} ({how})",
            $"{AgNews.DataVariable}=mini or full (--data mini or full) switches to the shipped split or the full AG News")
            .ReadFrom(full);
    }

    private static TextClassificationData Read(string folder, IReadOnlyDictionary<string, string> sha256, string what, string fix,
        string source, string howToSwitch)
    {
        var check = (what, fix);
        return new TextClassificationData(ReadFile(folder, AgNews.TrainFile, sha256[AgNews.TrainFile], check),
            ReadFile(folder, AgNews.TestFile, sha256[AgNews.TestFile], check), source, howToSwitch)
            .ReadFrom(folder);
    }

    /// <summary>Reads one file, first checking its bytes against <paramref name="sha256"/> when one is known.</summary>
    private static IReadOnlyList<LabeledText> ReadFile(string folder, string file, string? sha256, (string What, string Fix) check = default)
    {
        var path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        if (sha256 is not null)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
                throw new AgNewsNotFoundException(
                    $"{Shown(path)} is not {check.What} (sha256 {actual[..12]}..., expected {sha256[..12]}...; " +
                    $"a truncated or changed copy): {check.Fix}.");
        }
        return AgNewsCsv.Read(bytes, path);
    }

    private static List<string> Missing(string folder) =>
        new[] { AgNews.TrainFile, AgNews.TestFile }.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();

    /// <summary>The download folder URL, ending in a slash, or why there is none.</summary>
    private bool TryFolderUrl(out Uri url, out string problem)
    {
        Uri? parsed = DownloadUrl;
        problem = "";
        if (parsed is null && !string.IsNullOrWhiteSpace(DownloadUrlSetting)
            && !(Uri.TryCreate(DownloadUrlSetting.Trim(), UriKind.Absolute, out parsed) && parsed.Scheme is "http" or "https"))
        {
            url = AgNews.DownloadUrl;
            problem = $"no download: env {UrlVariable} is not an http(s) URL: «{DownloadUrlSetting}»";
            return false;
        }
        parsed ??= AgNews.DownloadUrl;
        url = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        return true;
    }

    /// <summary>
    /// Deletes the temporary files of downloads that died (killed, or the machine went down) in the cache folder.
    /// A file written to within <see cref="StallTimeout"/> may belong to a download running in another process.
    /// </summary>
    private void RemoveStaleDownloads()
    {
        try
        {
            var cache = new DirectoryInfo(CacheFolder);
            if (!cache.Exists) return;
            foreach (var file in cache.EnumerateFiles(VerifiedDownload.TemporaryPattern))
                if (DateTime.UtcNow - file.LastWriteTimeUtc > StallTimeout)
                    file.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: such a file is never read, so leaving it costs disk space only.
        }
    }

    private static AgNewsNotFoundException NotFound(string cache, List<string> missing, string downloadProblem, Exception? inner) =>
        new($"""
            The full AG News was not found, and the download failed:
              the cache {cache} has no {string.Join(" and no ", missing)};
              {downloadProblem}
            To fix it, get train.csv and test.csv of AG News (the data/ag_news_csv folder of the GitHub repository
            mhjabreel/CharCnn_Keras) and copy them into {cache}, or set {AgNews.DataVariable} to a folder holding them.
            Without {AgNews.DataVariable}={AgNews.FullChoice} (and without --data full) the kit uses the mini split it ships with.
            """, inner);

    /// <summary>A path as people see it in messages about the data in use: relative to the repository when inside
    /// it, relative to the home folder when there, else as it is.</summary>
    private static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        var root = RepositoryRoot.Find();
        if (root is not null && IsUnder(full, root)) return Path.GetRelativePath(root, full).Replace('\\', '/');
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && IsUnder(full, home)) return "~/" + Path.GetRelativePath(home, full).Replace('\\', '/');
        return full;
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? InRepository(string name) =>
        RepositoryRoot.Find() is { } root ? Path.Combine(root, "data", name) : null;
}
