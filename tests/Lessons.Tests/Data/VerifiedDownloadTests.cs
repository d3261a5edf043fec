using Lessons.Data;

namespace Lessons.Tests.Data;

/// <summary>Downloads from a real HTTP server on 127.0.0.1: the shipped mini split's train.csv, whole and broken in
/// every way that matters. After a failure no file may be left in the folder.</summary>
public class VerifiedDownloadTests
{
    private static readonly byte[] TestCsv = SharedData.MiniBytes(AgNews.TrainFile);
    private static readonly string TestSha256 = AgNews.MiniSha256[AgNews.TrainFile];
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    private sealed class Recorder : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = [];
        public void Report(DownloadProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task Puts_a_verified_file_in_place_and_reports_progress()
    {
        using var server = new LocalHttpServer(_ => LocalHttpServer.Ok(TestCsv));
        using var folder = new TempFolder();
        var progress = new Recorder();

        long bytes = await VerifiedDownload.DownloadAsync(Client, new Uri(server.BaseUrl, "test.csv"), folder.File("test.csv"), TestSha256, TestCsv.Length, progress);

        Assert.Equal(1_483_594, bytes);
        Assert.Equal(TestCsv, File.ReadAllBytes(folder.File("test.csv")));
        Assert.Equal(["test.csv"], folder.Files());
        Assert.Equal(0, progress.Reports[0].BytesReceived);
        Assert.Equal(new DownloadProgress("test.csv", new Uri(server.BaseUrl, "test.csv"), 1_483_594, 1_483_594), progress.Reports[^1]);
        Assert.True(progress.Reports.Count >= 3, "progress along the way, not only at the ends");
        Assert.Equal(["/ag_news_csv/test.csv"], server.Requests);
    }

    [Fact]
    public async Task Rejects_a_truncated_file()
    {
        var truncated = TestCsv[..1_000_000];
        var error = await FailingDownload(_ => LocalHttpServer.Ok(truncated));
        Assert.Contains($"the 1,000,000 bytes that arrived have sha256 ", error.Message);
        Assert.Contains($"not the expected {TestSha256}", error.Message);
    }

    [Fact]
    public async Task Rejects_wrong_bytes_of_the_right_length()
    {
        var changed = (byte[])TestCsv.Clone();
        changed[123_456] ^= 0x20;
        var error = await FailingDownload(_ => LocalHttpServer.Ok(changed));
        Assert.Contains("the 1,483,594 bytes that arrived have sha256 ", error.Message);
        Assert.Contains("not the expected", error.Message);
    }

    [Fact]
    public async Task Reports_a_server_error()
    {
        var error = await FailingDownload(_ => new LocalHttpServer.Reply(500, "boom"u8.ToArray()));
        Assert.Contains("the server answered 500 Internal Server Error", error.Message);
    }

    [Fact]
    public async Task Reports_a_connection_dropped_mid_body()
    {
        var error = await FailingDownload(_ => new LocalHttpServer.Reply(200, TestCsv, SendBytes: 700_000));
        Assert.Contains("the connection broke off after 700,000 bytes", error.Message);
    }

    [Fact]
    public async Task Reports_a_server_that_goes_silent()
    {
        var error = await FailingDownload(_ => new LocalHttpServer.Reply(200, TestCsv, StallAfterHeaders: true), TimeSpan.FromSeconds(1));
        Assert.Contains("no data arrived for 1 s", error.Message);
    }

    [Fact]
    public async Task Reports_a_server_that_cannot_be_reached()
    {
        Uri url;
        using (var server = new LocalHttpServer(_ => LocalHttpServer.Ok(TestCsv))) url = new Uri(server.BaseUrl, "test.csv");
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<DataDownloadException>(() =>
            VerifiedDownload.DownloadAsync(Client, url, folder.File("test.csv"), TestSha256, TestCsv.Length));

        Assert.Contains("cannot reach 127.0.0.1", error.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task Stops_a_server_that_streams_without_end_at_the_size_of_the_file()
    {
        var error = await FailingDownload(_ => new LocalHttpServer.Reply(200, TestCsv, Endless: true));
        Assert.EndsWith($"failed: the server sent more than the 1,483,594 bytes of the file; stopped there (a different file, or a server that does not end)",
            error.Message);
    }

    [Fact]
    public async Task Refuses_a_file_announced_larger_than_the_expected_one_before_reading_it()
    {
        var error = await FailingDownload(_ => new LocalHttpServer.Reply(200, TestCsv, DeclaredLength: 10_000_000_000, StallAfterHeaders: true));
        Assert.EndsWith("failed: the server announces 10,000,000,000 bytes, but the file has 1,483,594; nothing was downloaded (a different file)",
            error.Message);
    }

    [Fact]
    public async Task Names_a_full_disk_as_such_not_as_a_broken_connection()
    {
        // /dev/full is the kernel's full disk: every write to it fails with ENOSPC, as on a disk without room.
        var error = await FailingDownload(_ => LocalHttpServer.Ok(TestCsv),
            create: _ => new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16, useAsync: true));
        Assert.Matches(@"failed: no space left on device writing /\S+/test\.csv \(after [\d,]+ bytes\); free some space and run again$", error.Message);
    }

    private static async Task<DataDownloadException> FailingDownload(Func<string, LocalHttpServer.Reply> route, TimeSpan? stall = null,
        Func<string, Stream>? create = null)
    {
        using var server = new LocalHttpServer(route);
        using var folder = new TempFolder();
        var url = new Uri(server.BaseUrl, "test.csv");

        var error = await Assert.ThrowsAsync<DataDownloadException>(() => create is null
            ? VerifiedDownload.DownloadAsync(Client, url, folder.File("test.csv"), TestSha256, TestCsv.Length, stallTimeout: stall)
            : VerifiedDownload.DownloadAsync(Client, url, folder.File("test.csv"), TestSha256, TestCsv.Length, null, stall, create, default));

        Assert.Equal(url, error.Url);
        Assert.StartsWith($"download of {url} failed: ", error.Message);
        Assert.Empty(folder.Files()); // neither the file nor a temporary one
        return error;
    }
}
