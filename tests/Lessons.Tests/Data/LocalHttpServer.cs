using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lessons.Tests.Data;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for download tests. Each path maps to a <see cref="Reply"/>,
/// which can also misbehave: claim more bytes than it sends and then drop the connection, or send headers and go
/// silent. One request per connection; it remembers the paths asked for.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    /// <summary>What to answer. <paramref name="DeclaredLength"/> (default: the body's length) goes into
    /// Content-Length; <paramref name="SendBytes"/> (default: all) is how much of the body is sent before the
    /// connection is cut; <paramref name="StallAfterHeaders"/> sends the headers and then nothing;
    /// <paramref name="Endless"/> sends no Content-Length and the body over and over until the client goes away.</summary>
    public sealed record Reply(int Status, byte[] Body, long? DeclaredLength = null, int? SendBytes = null, bool StallAfterHeaders = false,
        bool Endless = false);

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<string, Reply> route;
    private readonly Task loop;

    public LocalHttpServer(Func<string, Reply> route)
    {
        this.route = route;
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/ag_news_csv/");
        loop = Task.Run(AcceptLoop);
    }

    /// <summary>The folder URL to download from.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The paths requested so far.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static Reply Ok(byte[] body) => new(200, body);

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPath(stream);
                Requests.Enqueue(path);
                var reply = route(path);
                long declared = reply.DeclaredLength ?? reply.Body.Length;
                var head = $"HTTP/1.1 {reply.Status} {(reply.Status == 200 ? "OK" : reply.Status == 404 ? "Not Found" : "Internal Server Error")}\r\n" +
                           (reply.Endless ? "" : $"Content-Length: {declared}\r\n") + "Content-Type: text/csv\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop.Token);
                if (reply.StallAfterHeaders)
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                    return;
                }
                do await stream.WriteAsync(reply.Body.AsMemory(0, reply.SendBytes ?? reply.Body.Length), stop.Token);
                while (reply.Endless);
                await stream.FlushAsync(stop.Token);
                // Closing here, short of the declared length, is the connection dropping mid-body.
            }
            catch (Exception)
            {
                // The test is over or the client went away.
            }
        }
    }

    private static async Task<string> ReadRequestPath(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n"))
        {
            int n = await stream.ReadAsync(buffer);
            if (n == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        var requestLine = received.ToString().Split("\r\n")[0].Split(' ');
        return requestLine.Length > 1 ? requestLine[1] : "";
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stop.Dispose();
    }
}
