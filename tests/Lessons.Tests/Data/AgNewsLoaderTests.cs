using Lessons.Data;

namespace Lessons.Tests.Data;

/// <summary>Where the loader takes AG News from, in order: argument, LESSONS_DATA, cache, download. Every test uses
/// temporary folders and a local server; none touches the real cache.</summary>
public class AgNewsLoaderTests
{
    private static readonly string MiniTrainSha256 = "873272504b5ec32aa8fdfdb6fdf0510607b4c15e734076b168940cba2d54bccd";
    private static readonly string MiniTestSha256 = "160d48d1ad7961d59408c91dd75a9d2a4891599e8ff07b0826335f3b980d528e";

    /// <summary>A folder whose train.csv has <paramref name="trainRows"/> rows, so a test can tell folders apart.</summary>
    private static string Split(TempFolder root, string name, int trainRows)
    {
        var folder = Path.Combine(root.Path, name);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "train.csv"), Enumerable.Range(0, trainRows).Select(i => $"\"{i % 4 + 1}\",\"title {i}\",\"text\""));
        File.WriteAllLines(Path.Combine(folder, "test.csv"), ["\"4\",\"a test title\",\"a test text\""]);
        return folder;
    }

    private static LocalHttpServer ServeFiles(IReadOnlyDictionary<string, byte[]> files) =>
        new(path => files.TryGetValue(Path.GetFileName(path), out var body) ? LocalHttpServer.Ok(body) : new LocalHttpServer.Reply(404, []));

    [Fact]
    public void Takes_the_folder_given_as_argument_first()
    {
        using var root = new TempFolder();
        using var server = ServeFiles(new Dictionary<string, byte[]>());
        var loader = new AgNewsLoader
        {
            Folder = Split(root, "argument", 1), EnvironmentFolder = Split(root, "env", 2), CacheFolder = Split(root, "cache", 3), DownloadUrl = server.BaseUrl,
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
        var loader = new AgNewsLoader { EnvironmentFolder = Split(root, "env", 2), CacheFolder = Split(root, "cache", 3), AllowDownload = false };

        var data = loader.Load();

        Assert.Equal(2, data.Train.Count);
        Assert.Equal($"folder {Path.Combine(root.Path, "env")} (named by LESSONS_DATA)", data.Source);
    }

    [Fact]
    public void Takes_the_cache_when_neither_is_given()
    {
        using var root = new TempFolder();
        using var server = ServeFiles(new Dictionary<string, byte[]>());
        var loader = new AgNewsLoader { EnvironmentFolder = "", CacheFolder = Split(root, "cache", 3), DownloadUrl = server.BaseUrl };

        var data = loader.Load();

        Assert.Equal(3, data.Train.Count);
        Assert.Single(data.Test);
        Assert.Equal($"cache {Path.Combine(root.Path, "cache")}", data.Source);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Reads_the_LESSONS_DATA_variable_by_default()
    {
        Assert.Equal(Environment.GetEnvironmentVariable("LESSONS_DATA"), new AgNewsLoader().EnvironmentFolder);
    }

    [Fact]
    public void Downloads_into_an_empty_cache_then_uses_the_cache()
    {
        using var root = new TempFolder();
        using var server = ServeFiles(new Dictionary<string, byte[]>
        {
            ["train.csv"] = File.ReadAllBytes(Path.Combine(SharedData.Mini, "train.csv")),
            ["test.csv"] = File.ReadAllBytes(Path.Combine(SharedData.Mini, "test.csv")),
        });
        var cache = Path.Combine(root.Path, "data", "ag_news");
        var loader = new AgNewsLoader
        {
            EnvironmentFolder = null, CacheFolder = cache, DownloadUrl = server.BaseUrl,
            Sha256 = new Dictionary<string, string> { ["train.csv"] = MiniTrainSha256, ["test.csv"] = MiniTestSha256 },
        };
        var files = new HashSet<string>();

        var data = loader.Load(new Progress(p => files.Add(p.File)));

        Assert.Equal((6080, 1520), (data.Train.Count, data.Test.Count));
        Assert.Equal($"cache {cache} (train.csv and test.csv downloaded from {server.BaseUrl})", data.Source);
        Assert.Equal(["data/ag_news/test.csv", "data/ag_news/train.csv"], root.Files().Select(f => f.Replace('\\', '/')));
        Assert.Equal(["test.csv", "train.csv"], files.Order());
        Assert.Equal(["/ag_news_csv/train.csv", "/ag_news_csv/test.csv"], server.Requests);

        var again = loader.Load();
        Assert.Equal($"cache {cache}", again.Source);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Downloads_only_the_missing_file_and_checks_it_against_the_published_sha256()
    {
        using var root = new TempFolder();
        var cache = Split(root, "cache", 5);
        File.Delete(Path.Combine(cache, "test.csv"));
        using var server = ServeFiles(new Dictionary<string, byte[]> { ["test.csv"] = File.ReadAllBytes(SharedData.OriginalTest) });
        var loader = new AgNewsLoader { EnvironmentFolder = null, CacheFolder = cache, DownloadUrl = server.BaseUrl };

        var data = loader.Load();

        Assert.Equal((5, 7600), (data.Train.Count, data.Test.Count));
        Assert.Equal(["/ag_news_csv/test.csv"], server.Requests);
    }

    [Fact]
    public void Leaves_nothing_in_the_cache_after_a_corrupt_download_and_says_what_went_wrong()
    {
        using var root = new TempFolder();
        var cache = Split(root, "cache", 5);
        File.Delete(Path.Combine(cache, "test.csv"));
        var corrupt = File.ReadAllBytes(SharedData.OriginalTest);
        corrupt[1000] ^= 1;
        using var server = ServeFiles(new Dictionary<string, byte[]> { ["test.csv"] = corrupt });
        var loader = new AgNewsLoader { EnvironmentFolder = null, CacheFolder = cache, DownloadUrl = server.BaseUrl };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains($"the cache {cache}: no test.csv", error.Message);
        Assert.Contains("have sha256 ", error.Message);
        Assert.Contains($"not the expected {AgNews.Sha256["test.csv"]}", error.Message);
        Assert.Equal(["train.csv"], Directory.GetFiles(cache).Select(Path.GetFileName));
    }

    [Fact]
    public void Names_every_place_it_looked_and_the_fix_when_nothing_is_found_and_no_server_answers()
    {
        using var root = new TempFolder();
        var cache = Path.Combine(root.Path, "cache");
        Uri unreachable;
        using (var server = ServeFiles(new Dictionary<string, byte[]>())) unreachable = server.BaseUrl; // a port nobody listens on now
        var loader = new AgNewsLoader { EnvironmentFolder = null, CacheFolder = cache, DownloadUrl = unreachable };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("1. a folder given as argument: none given", error.Message);
        Assert.Contains("2. the folder in env LESSONS_DATA: not set", error.Message);
        Assert.Contains($"3. the cache {cache}: no train.csv and no test.csv", error.Message);
        Assert.Contains($"4. a download from {unreachable}: download of {unreachable}train.csv failed: cannot reach 127.0.0.1", error.Message);
        Assert.Contains("set LESSONS_DATA to that folder", error.Message);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any());
    }

    [Fact]
    public void Reports_a_server_error_in_the_not_found_message()
    {
        using var root = new TempFolder();
        using var server = new LocalHttpServer(_ => new LocalHttpServer.Reply(500, "no"u8.ToArray()));
        var loader = new AgNewsLoader { EnvironmentFolder = null, CacheFolder = Path.Combine(root.Path, "cache"), DownloadUrl = server.BaseUrl };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("the server answered 500 Internal Server Error", error.Message);
        Assert.Empty(root.Files());
    }

    [Fact]
    public void Does_not_download_when_told_not_to()
    {
        using var root = new TempFolder();
        var loader = new AgNewsLoader { EnvironmentFolder = null, CacheFolder = Path.Combine(root.Path, "cache"), AllowDownload = false };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.Contains("4. a download from", error.Message);
        Assert.Contains("downloads are turned off", error.Message);
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
            ? new AgNewsLoader { Folder = named, CacheFolder = Split(root, "cache", 3) }
            : new AgNewsLoader { EnvironmentFolder = named, CacheFolder = Split(root, "cache", 3) };

        var error = Assert.Throws<AgNewsNotFoundException>(() => loader.Load());

        Assert.StartsWith($"The folder {named} ({how}) has no test.csv.", error.Message);
    }

    [Fact]
    public void Passes_on_a_bad_row_with_its_file_and_line()
    {
        using var root = new TempFolder();
        var folder = Split(root, "bad", 3);
        File.AppendAllText(Path.Combine(folder, "train.csv"), "\"7\",\"x\",\"y\"\n");

        var error = Assert.Throws<AgNewsFormatException>(() => AgNews.Load(folder));

        Assert.Equal((Path.Combine(folder, "train.csv"), 4), (error.File, error.Line));
    }

    [Fact]
    public void Loads_the_mini_split_through_the_front_door()
    {
        var data = AgNews.Load(SharedData.Mini);

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
