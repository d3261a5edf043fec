using System.Text.RegularExpressions;
using Lessons.Data;

namespace Lessons.Tests.Data;

/// <summary>Which data the loader takes: the argument, else LESSONS_DATA, else the shipped mini split; <c>full</c> is
/// the cache, filled by a download. Every test uses temporary folders and a local server; none touches the real
/// cache, and none reads anything outside the repository.</summary>
public class AgNewsLoaderTests
{
    /// <summary>The mini split's hashes stand in for the published ones, so a "full" cache can hold the mini files.</summary>
    private static readonly IReadOnlyDictionary<string, string> MiniHashes = AgNews.MiniSha256;

    /// <summary>A folder whose train.csv has <paramref name="trainRows"/> rows, so a test can tell folders apart.</summary>
    private static string Split(TempFolder root, string name, int trainRows)
    {
        var folder = Path.Combine(root.Path, name);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "train.csv"), Enumerable.Range(0, trainRows).Select(i => $"\"{i % 4 + 1}\",\"title {i}\",\"text\""));
        File.WriteAllLines(Path.Combine(folder, "test.csv"), ["\"4\",\"a test title\",\"a test text\""]);
        return folder;
    }

    /// <summary>A copy of the mini split in <paramref name="name"/>, its train.csv cut after <paramref name="trainRows"/>
    /// rows (at a row boundary, so it still parses) when given.</summary>
    private static string MiniCopy(TempFolder root, string name, int? trainRows = null)
    {
        var folder = Path.Combine(root.Path, name);
        Directory.CreateDirectory(folder);
        var train = SharedData.MiniBytes("train.csv");
        if (trainRows is int rows)
        {
            int end = -1;
            for (int i = 0; i < rows; i++) end = Array.IndexOf(train, (byte)'\n', end + 1);
            train = train[..(end + 1)];
        }
        File.WriteAllBytes(Path.Combine(folder, "train.csv"), train);
        File.WriteAllBytes(Path.Combine(folder, "test.csv"), SharedData.MiniBytes("test.csv"));
        return folder;
    }

    private static LocalHttpServer ServeFiles(IReadOnlyDictionary<string, byte[]> files) =>
        new(path => files.TryGetValue(Path.GetFileName(path), out var body) ? LocalHttpServer.Ok(body) : new LocalHttpServer.Reply(404, []));

    private static LocalHttpServer ServeMini() => ServeFiles(new Dictionary<string, byte[]>
    {
        ["train.csv"] = SharedData.MiniBytes("train.csv"),
        ["test.csv"] = SharedData.MiniBytes("test.csv"),
    });

    [Fact]
    public void Uses_the_shipped_mini_split_when_nothing_is_chosen_and_says_how_to_switch_in_one_line()
    {
        using var root = new TempFolder();
        using var server = ServeFiles(new Dictionary<string, byte[]>());
        var loader = new AgNewsLoader { EnvironmentChoice = null, CacheFolder = Path.Combine(root.Path, "cache"), DownloadUrl = server.BaseUrl };

        var data = loader.Load();

        Assert.Equal((6080, 1520), (data.Train.Count, data.Test.Count));
        Assert.Equal("AG News mini split (data/ag_news-mini, shipped with the kit)", data.Source);
        Assert.Equal(SharedData.Mini, data.FolderPath());
        Assert.Equal(
            "Data: AG News mini split (data/ag_news-mini, shipped with the kit); " +
            "for the full AG News (120,000 rows, a 31 MB download) set LESSONS_DATA=full or pass --data full", data.InUse);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("mini")]
    [InlineData("MINI")]
    public void Takes_mini_by_name_as_argument_or_in_LESSONS_DATA(string name)
    {
        var byArgument = new AgNewsLoader { Choice = name, EnvironmentChoice = "/nowhere" }.Load();
        var byVariable = new AgNewsLoader { EnvironmentChoice = name }.Load();

        Assert.Equal(6080, byArgument.Train.Count);
        Assert.Equal(byArgument.Source, byVariable.Source);
    }

    [Fact]
    public void Takes_the_folder_given_as_argument_first()
    {
        using var root = new TempFolder();
        using var server = ServeFiles(new Dictionary<string, byte[]>());
        var loader = new AgNewsLoader
        {
            Choice = Split(root, "argument", 1), EnvironmentChoice = Split(root, "env", 2), CacheFolder = Split(root, "cache", 3), DownloadUrl = server.BaseUrl,
        };

        var data = loader.Load();

        Assert.Single(data.Train);
        Assert.Equal($"folder {Path.Combine(root.Path, "argument")} (given as argument)", data.Source);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Takes_the_LESSONS_DATA_folder_next()
    {
        using var root = new TempFolder();
        var loader = new AgNewsLoader { EnvironmentChoice = Split(root, "env", 2), CacheFolder = Split(root, "cache", 3), AllowDownload = false };

        var data = loader.Load();

        Assert.Equal(2, data.Train.Count);
        Assert.Equal($"folder {Path.Combine(root.Path, "env")} (named by LESSONS_DATA)", data.Source);
        Assert.EndsWith("LESSONS_DATA=mini or full (--data mini or full) switches to the shipped split or the full AG News", data.InUse);
    }

    [Fact]
    public void Reads_the_LESSONS_DATA_variable_by_default()
    {
        Assert.Equal(Environment.GetEnvironmentVariable("LESSONS_DATA"), new AgNewsLoader().EnvironmentChoice);
    }

    [Fact]
    public void Full_takes_a_verified_cache_without_downloading()
    {
        using var root = new TempFolder();
        using var server = ServeFiles(new Dictionary<string, byte[]>());
        var cache = MiniCopy(root, "cache");
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = cache, DownloadUrl = server.BaseUrl, Sha256 = MiniHashes };

        var data = loader.Load();

        Assert.Equal((6080, 1520), (data.Train.Count, data.Test.Count));
        Assert.Equal($"full AG News (cache {cache})", data.Source);
        Assert.EndsWith("for the small split shipped with the kit unset LESSONS_DATA or pass --data mini", data.InUse);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Full_downloads_into_an_empty_cache_then_uses_the_cache()
    {
        using var root = new TempFolder();
        using var server = ServeMini();
        var cache = Path.Combine(root.Path, "data", "ag_news");
        var loader = new AgNewsLoader { EnvironmentChoice = "full", CacheFolder = cache, DownloadUrl = server.BaseUrl, Sha256 = MiniHashes };
        var files = new HashSet<string>();

        var data = loader.Load(new Progress(p => files.Add(p.File)));

        Assert.Equal((6080, 1520), (data.Train.Count, data.Test.Count));
        Assert.Equal($"full AG News (cache {cache}; train.csv and test.csv downloaded from {server.BaseUrl})", data.Source);
        Assert.Equal(["data/ag_news/test.csv", "data/ag_news/train.csv"], root.Files().Select(f => f.Replace('\\', '/')));
        Assert.Equal(["test.csv", "train.csv"], files.Order());
        Assert.Equal(["/ag_news_csv/train.csv", "/ag_news_csv/test.csv"], server.Requests);

        var again = loader.Load();
        Assert.Equal($"full AG News (cache {cache})", again.Source);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Full_downloads_only_the_missing_file_and_checks_it_against_its_sha256()
    {
        using var root = new TempFolder();
        var cache = MiniCopy(root, "cache");
        File.Delete(Path.Combine(cache, "test.csv"));
        using var server = ServeMini();
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = cache, DownloadUrl = server.BaseUrl, Sha256 = MiniHashes };

        var data = loader.Load();

        Assert.Equal((6080, 1520), (data.Train.Count, data.Test.Count));
        Assert.Equal(["/ag_news_csv/test.csv"], server.Requests);
    }

    [Fact]
    public void Takes_the_download_folder_from_LESSONS_DATA_URL()
    {
        using var root = new TempFolder();
        using var server = ServeMini();
        var loader = new AgNewsLoader
        {
            Choice = "full", CacheFolder = Path.Combine(root.Path, "cache"), DownloadUrlSetting = server.BaseUrl.AbsoluteUri.TrimEnd('/'), Sha256 = MiniHashes,
        };

        Assert.Equal(6080, loader.Load().Train.Count);
        Assert.Equal(["/ag_news_csv/train.csv", "/ag_news_csv/test.csv"], server.Requests);
    }

    [Fact]
    public void A_malformed_LESSONS_DATA_URL_stops_nothing_until_a_download_needs_it()
    {
        using var root = new TempFolder();

        Assert.Equal(6080, new AgNewsLoader { EnvironmentChoice = null, DownloadUrlSetting = "::not a url" }.Load().Train.Count);
        Assert.Single(new AgNewsLoader { Choice = Split(root, "mine", 1), DownloadUrlSetting = "::not a url" }.Load().Train);

        var needed = new AgNewsLoader { Choice = "full", CacheFolder = Path.Combine(root.Path, "cache"), DownloadUrlSetting = "ftp://x/" };
        var error = Assert.Throws<AgNewsNotFoundException>(() => needed.Load());
        Assert.Contains("no download: env LESSONS_DATA_URL is not an http(s) URL: «ftp://x/»", error.Message);
    }

    [Fact]
    public void Refuses_a_cached_copy_cut_at_a_row_boundary_with_a_one_line_hint()
    {
        using var root = new TempFolder();
        var cache = MiniCopy(root, "cache", trainRows: 2830);
        Assert.Equal(2830, AgNewsCsv.Read(Path.Combine(cache, "train.csv")).Count); // it parses: only the hash tells
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = cache, AllowDownload = false, Sha256 = MiniHashes };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Matches(
            $@"^{Regex.Escape(Path.Combine(cache, "train.csv"))} is not the published AG News file \(sha256 [0-9a-f]{{12}}\.\.\., " +
            @"expected 873272504b5e\.\.\.; a truncated or changed copy\): delete it and run again to download it afresh\.$",
            error.Message);
    }

    [Fact]
    public void Checks_a_cached_copy_against_the_published_sha256_by_default()
    {
        using var root = new TempFolder();
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = MiniCopy(root, "cache"), AllowDownload = false };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("is not the published AG News file", error.Message);
        Assert.Contains("expected 76a0a2d2f92b...", error.Message);
    }

    [Fact]
    public void Refuses_a_changed_copy_of_the_mini_split_and_says_how_to_restore_it()
    {
        using var root = new TempFolder();
        var loader = new AgNewsLoader { EnvironmentChoice = null, MiniFolder = MiniCopy(root, "mini", trainRows: 2830) };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("train.csv is not the shipped mini split (sha256 ", error.Message);
        Assert.EndsWith($": restore it with: git checkout -- {Path.Combine(root.Path, "mini")}.", error.Message);
    }

    [Fact]
    public void Reads_a_users_own_folder_as_it_is_without_hashes()
    {
        using var root = new TempFolder();

        var data = new AgNewsLoader { Choice = MiniCopy(root, "mine", trainRows: 2830) }.Load();

        Assert.Equal((2830, 1520), (data.Train.Count, data.Test.Count));
    }

    [Fact]
    public void Removes_the_leftovers_of_an_interrupted_download_on_the_next_run()
    {
        using var root = new TempFolder();
        var cache = Path.Combine(root.Path, "cache");
        Directory.CreateDirectory(cache);
        var stale = Path.Combine(cache, ".train.csv.0123456789abcdef0123456789abcdef.download");
        var live = Path.Combine(cache, ".test.csv.fedcba9876543210fedcba9876543210.download");
        var other = Path.Combine(cache, "notes.download");
        foreach (var file in new[] { stale, live, other }) File.WriteAllText(file, "partial");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddMinutes(-5));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddMinutes(-5));

        new AgNewsLoader { EnvironmentChoice = null, CacheFolder = cache }.Load();

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live), "a file written within the stall timeout may be a download running elsewhere");
        Assert.True(File.Exists(other), "only the kit's own temporary names are removed");
    }

    [Fact]
    public void Leaves_nothing_in_the_cache_after_a_corrupt_download_and_says_what_went_wrong()
    {
        using var root = new TempFolder();
        var cache = MiniCopy(root, "cache");
        File.Delete(Path.Combine(cache, "test.csv"));
        var corrupt = SharedData.MiniBytes("test.csv");
        corrupt[1000] ^= 1;
        using var server = ServeFiles(new Dictionary<string, byte[]> { ["test.csv"] = corrupt });
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = cache, DownloadUrl = server.BaseUrl, Sha256 = MiniHashes };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains($"the cache {cache} has no test.csv", error.Message);
        Assert.Contains("have sha256 ", error.Message);
        Assert.Contains($"not the expected {AgNews.MiniSha256["test.csv"]}", error.Message);
        Assert.Equal(["train.csv"], Directory.GetFiles(cache).Select(Path.GetFileName));
    }

    [Fact]
    public void Names_the_cache_the_download_and_the_fix_when_no_server_answers()
    {
        using var root = new TempFolder();
        var cache = Path.Combine(root.Path, "cache");
        Uri unreachable;
        using (var server = ServeFiles(new Dictionary<string, byte[]>())) unreachable = server.BaseUrl; // a port nobody listens on now
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = cache, DownloadUrl = unreachable };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains($"the cache {cache} has no train.csv and no test.csv", error.Message);
        Assert.Contains($"download of {unreachable}train.csv failed: cannot reach 127.0.0.1", error.Message);
        Assert.Contains($"copy them into {cache}, or set LESSONS_DATA to a folder holding them", error.Message);
        Assert.Contains("the kit uses the mini split it ships with", error.Message);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any());
    }

    [Fact]
    public void Reports_a_server_error_in_the_not_found_message()
    {
        using var root = new TempFolder();
        using var server = new LocalHttpServer(_ => new LocalHttpServer.Reply(500, "no"u8.ToArray()));
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = Path.Combine(root.Path, "cache"), DownloadUrl = server.BaseUrl };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("the server answered 500 Internal Server Error", error.Message);
        Assert.Empty(root.Files());
    }

    [Fact]
    public void Does_not_download_when_told_not_to()
    {
        using var root = new TempFolder();
        var loader = new AgNewsLoader { Choice = "full", CacheFolder = Path.Combine(root.Path, "cache"), AllowDownload = false };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("no download: downloads are turned off", error.Message);
    }

    [Theory]
    [InlineData(true, "given as argument")]
    [InlineData(false, "named by LESSONS_DATA")]
    public void Rejects_a_named_folder_without_both_files_instead_of_looking_elsewhere(bool asArgument, string how)
    {
        using var root = new TempFolder();
        var named = Split(root, "named", 1);
        File.Delete(Path.Combine(named, "test.csv"));
        var loader = asArgument
            ? new AgNewsLoader { Choice = named, CacheFolder = Split(root, "cache", 3) }
            : new AgNewsLoader { EnvironmentChoice = named, CacheFolder = Split(root, "cache", 3) };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.StartsWith($"The folder {named} ({how}) has no test.csv.", error.Message);
    }

    [Fact]
    public void Says_where_the_mini_split_should_be_when_it_is_missing()
    {
        using var root = new TempFolder();
        var loader = new AgNewsLoader { EnvironmentChoice = null, MiniFolder = Path.Combine(root.Path, "gone") };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.StartsWith($"The AG News mini split that ships with the kit is not in {Path.Combine(root.Path, "gone")}: ", error.Message);
        Assert.EndsWith("set LESSONS_DATA to full or to a folder holding train.csv and test.csv.", error.Message);
    }

    [Fact]
    public void Passes_on_a_bad_row_with_its_file_and_line()
    {
        using var root = new TempFolder();
        var folder = Split(root, "bad", 3);
        File.AppendAllText(Path.Combine(folder, "train.csv"), "\"7\",\"x\",\"y\"\n");

        var error = Assert.Throws<DataFormatException>(() => AgNews.Load(folder));

        Assert.Equal((Path.Combine(folder, "train.csv"), 4), (error.File, error.Line));
    }

    [Fact]
    public void Loads_the_mini_split_through_the_front_door()
    {
        var data = AgNews.Load(AgNews.MiniChoice);

        Assert.Equal((6080, 1520), (data.Train.Count, data.Test.Count));
        Assert.Equal(["World", "Sports", "Business", "Sci/Tech"], AgNews.Classes);
        Assert.Equal([380, 380, 380, 380], data.Test.CountBy(i => i.Label).OrderBy(kv => kv.Key).Select(kv => kv.Value));
    }

    [Fact]
    public void Finds_the_repository_root_by_its_solution_file()
    {
        var root = RepositoryRoot.FindFrom(AppContext.BaseDirectory);
        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "Lessons.sln")));
        Assert.Equal(root, RepositoryRoot.FindFrom(Path.Combine(root, "lib", "Lessons")));

        using var elsewhere = new TempFolder();
        Assert.Null(RepositoryRoot.FindFrom(elsewhere.Path));
    }

    private sealed class Progress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
