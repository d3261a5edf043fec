using System.Security.Cryptography;

namespace Lessons.Data;

/// <summary>
/// Downloads one file and puts it in place only once its sha256 is right: the bytes go to a temporary file beside the
/// destination, which is moved over the destination after the check and deleted on any failure, so an interrupted,
/// truncated or corrupt download never leaves a file behind that a later run would load. The file's size is known
/// too: a server that announces or sends more is stopped there, so a server that streams without end cannot fill
/// the disk. A write that fails (a full disk) is reported as that, not as a broken connection.
/// </summary>
internal static class VerifiedDownload
{
    private const int BufferSize = 1 << 16;

    /// <summary>The names of the temporary files (<c>.train.csv.&lt;guid&gt;.download</c>) in a folder.</summary>
    internal const string TemporaryPattern = ".*.download";

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/>, checking <paramref name="sha256"/>
    /// (lowercase hex) and reading no more than the file's <paramref name="size"/> in bytes; returns the number of bytes.</summary>
    /// <exception cref="DataDownloadException">The server could not be reached, answered with an error, announced or
    /// sent more than <paramref name="size"/> bytes, the connection broke off, a read stalled for
    /// <paramref name="stallTimeout"/>, the file could not be written (a full disk), or the bytes are not the expected ones.</exception>
    public static Task<long> DownloadAsync(HttpClient client, Uri url, string destination, string sha256, long size,
        IProgress<DownloadProgress>? progress = null, TimeSpan? stallTimeout = null, CancellationToken cancellationToken = default) =>
        DownloadAsync(client, url, destination, sha256, size, progress, stallTimeout,
            path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true), cancellationToken);

    /// <summary>As the other overload, with the temporary file's stream opened by <paramref name="create"/> (tests
    /// give one that writes to <c>/dev/full</c>, whose every write fails as on a full disk).</summary>
    internal static async Task<long> DownloadAsync(HttpClient client, Uri url, string destination, string sha256, long size,
        IProgress<DownloadProgress>? progress, TimeSpan? stallTimeout, Func<string, Stream> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var stall = stallTimeout ?? TimeSpan.FromSeconds(60);
        var fileName = Path.GetFileName(destination);
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.download");

        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long received = 0;
        bool writing = false; // a failure while writing the temporary file is the disk's, not the connection's
        try
        {
            watchdog.CancelAfter(stall);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, watchdog.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new DataDownloadException(url, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            long? total = response.Content.Headers.ContentLength;
            if (total > size)
                throw new DataDownloadException(url, $"the server announces {total:N0} bytes, but the file has {size:N0}; nothing was downloaded (a different file)");

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // Plain `using`: the sync Load waits on this method, so nothing here may need the caller's context.
            using (var body = await response.Content.ReadAsStreamAsync(watchdog.Token).ConfigureAwait(false))
            {
                writing = true;
                using var file = create(temporary);
                writing = false;
                var buffer = new byte[BufferSize];
                long reported = 0;
                progress?.Report(new DownloadProgress(fileName, url, 0, total));
                while (true)
                {
                    watchdog.CancelAfter(stall);
                    int read = await body.ReadAsync(buffer, watchdog.Token).ConfigureAwait(false);
                    if (read == 0) break;
                    if (received + read > size)
                        throw new DataDownloadException(url, $"the server sent more than the {size:N0} bytes of the file; stopped there (a different file, or a server that does not end)");
                    hash.AppendData(buffer, 0, read);
                    writing = true;
                    await file.WriteAsync(buffer.AsMemory(0, read), watchdog.Token).ConfigureAwait(false);
                    writing = false;
                    received += read;
                    if (received - reported >= 1 << 20) // every MiB
                    {
                        progress?.Report(new DownloadProgress(fileName, url, received, total));
                        reported = received;
                    }
                }
                writing = true;
                await file.FlushAsync(watchdog.Token).ConfigureAwait(false);
                if (file is FileStream onDisk) onDisk.Flush(flushToDisk: true);
            }
            writing = false;

            if (total is { } expectedLength && received != expectedLength)
                throw new DataDownloadException(url, $"the file is truncated: {received:N0} of {expectedLength:N0} bytes arrived");
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
                throw new DataDownloadException(url,
                    $"the {received:N0} bytes that arrived have sha256 {actual}, not the expected {sha256.ToLowerInvariant()} (a corrupt, truncated or different file)");

            File.Move(temporary, destination, overwrite: true);
            progress?.Report(new DownloadProgress(fileName, url, received, received));
            return received;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new DataDownloadException(url, $"no data arrived for {stall.TotalSeconds:0} s (after {received:N0} bytes)", e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
        {
            throw new DataDownloadException(url, $"the connection broke off after {received:N0} bytes ({e.Message})", e);
        }
        catch (HttpRequestException e)
        {
            throw new DataDownloadException(url, $"cannot reach {url.Host} ({e.Message})", e);
        }
        catch (IOException e) when (writing && e is not DataDownloadException)
        {
            throw new DataDownloadException(url, IsDiskFull(e)
                ? $"no space left on device writing {destination} (after {received:N0} bytes); free some space and run again"
                : $"cannot write {destination} ({e.Message})", e);
        }
        catch (IOException e) when (e is not DataDownloadException)
        {
            throw new DataDownloadException(url, $"the connection broke off after {received:N0} bytes ({e.Message})", e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Whether a write failed for want of room: ENOSPC on Unix, ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 0x70 or 0x27 : e.HResult == 28;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: no loader reads such a file, and the next load removes it (AgNewsLoader).
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
