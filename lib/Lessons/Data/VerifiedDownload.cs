using System.Security.Cryptography;

namespace Lessons.Data;

/// <summary>
/// Downloads one file and puts it in place only once its sha256 is right: the bytes go to a temporary file beside the
/// destination, which is moved over the destination after the check and deleted on any failure, so an interrupted,
/// truncated or corrupt download never leaves a file behind that a later run would load.
/// </summary>
internal static class VerifiedDownload
{
    private const int BufferSize = 1 << 16;

    /// <summary>The names of the temporary files (<c>.train.csv.&lt;guid&gt;.download</c>) in a folder.</summary>
    internal const string TemporaryPattern = ".*.download";

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/>, checking <paramref name="sha256"/>
    /// (lowercase hex); returns the number of bytes.</summary>
    /// <exception cref="DataDownloadException">The server could not be reached, answered with an error, the
    /// connection broke off, a read stalled for <paramref name="stallTimeout"/>, or the bytes are not the expected ones.</exception>
    public static async Task<long> DownloadAsync(HttpClient client, Uri url, string destination, string sha256,
        IProgress<DownloadProgress>? progress = null, TimeSpan? stallTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var stall = stallTimeout ?? TimeSpan.FromSeconds(60);
        var fileName = Path.GetFileName(destination);
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.download");

        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long received = 0;
        try
        {
            watchdog.CancelAfter(stall);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, watchdog.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new DataDownloadException(url, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            long? total = response.Content.Headers.ContentLength;

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // Plain `using`: the sync Load waits on this method, so nothing here may need the caller's context.
            using (var body = await response.Content.ReadAsStreamAsync(watchdog.Token).ConfigureAwait(false))
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                long reported = 0;
                progress?.Report(new DownloadProgress(fileName, url, 0, total));
                while (true)
                {
                    watchdog.CancelAfter(stall);
                    int read = await body.ReadAsync(buffer, watchdog.Token).ConfigureAwait(false);
                    if (read == 0) break;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), watchdog.Token).ConfigureAwait(false);
                    received += read;
                    if (received - reported >= 1 << 20) // every MiB
                    {
                        progress?.Report(new DownloadProgress(fileName, url, received, total));
                        reported = received;
                    }
                }
                await file.FlushAsync(watchdog.Token).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

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
        catch (IOException e) when (e is not DataDownloadException)
        {
            throw new DataDownloadException(url, $"the connection broke off after {received:N0} bytes ({e.Message})", e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

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
