using System.Diagnostics;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

/// <summary>
/// Adds a PNG (image/png) to the mime bundle of every Plotly chart output, drawn by headless Chromium from the very
/// same HTML. Front ends that run JavaScript (VS Code, Jupyter) still pick the interactive text/html; viewers that
/// don't (GitHub) show the picture. Nothing happens where Chromium or plotly.js is missing.
/// </summary>
public static class ChartImages
{
    public const string PngMimeType = "image/png";
    static readonly string[] ChromiumNames = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string? FindChromium(string? path = null) =>
        path is not null ? (File.Exists(path) ? path : null) : ChromiumNames.FirstOrDefault(File.Exists);

    /// <summary>Draws each chart output without a PNG; returns how many it added.</summary>
    public static async Task<int> AddAsync(InteractiveDocument document, string chromium, string? plotlyJs = null,
        CancellationToken cancellationToken = default)
    {
        plotlyJs ??= PlotlyJs.DefaultPath;
        if (plotlyJs is null) return 0;
        var charts = document.Elements.SelectMany(e => e.Outputs).Select(DataOf)
            .Where(d => d is not null && !d.ContainsKey(PngMimeType) && d.TryGetValue("text/html", out var html) && PlotlyJs.IsChart(Text(html)))
            .ToList();
        if (charts.Count == 0) return 0;

        string folder = Directory.CreateTempSubdirectory("lessons-charts-").FullName;
        try
        {
            File.Copy(plotlyJs, Path.Combine(folder, PlotlyJs.FileName));
            int added = 0;
            foreach (var data in charts)
            {
                string html = Text(data!["text/html"]);
                var (width, height) = PlotlyJs.Size(html);
                string page = Path.Combine(folder, $"chart{added}.html"), png = Path.ChangeExtension(page, ".png");
                await File.WriteAllTextAsync(page,
                    $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script src=\"{PlotlyJs.FileName}\"></script>{PlotlyJs.RequireShim}" +
                    $"<style>body{{margin:0;background:#fff}} .modebar{{display:none !important}}</style></head><body>{html}</body></html>", cancellationToken);
                if (!await ScreenshotAsync(chromium, page, png, width, height, cancellationToken)) continue;
                data![PngMimeType] = Convert.ToBase64String(await File.ReadAllBytesAsync(png, cancellationToken));
                added++;
            }
            return added;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<bool> ScreenshotAsync(string chromium, string page, string png, int width, int height, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--allow-file-access-from-files", $"--user-data-dir={Path.Combine(Path.GetDirectoryName(page)!, "profile")}",
                $"--window-size={width},{height}", "--virtual-time-budget=10000", $"--screenshot={png}", new Uri(page).AbsoluteUri,
            },
        };
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
            await drain;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
        return process.ExitCode == 0 && File.Exists(png);
    }

    static IDictionary<string, object>? DataOf(InteractiveDocumentOutputElement output) => output switch
    {
        DisplayElement display => display.Data,
        ReturnValueElement value => value.Data,
        _ => null,
    };

    static string Text(object data) => data as string ?? string.Concat((IEnumerable<object>)data);
}
