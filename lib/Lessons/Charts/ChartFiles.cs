using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.ImageExport;
using PuppeteerSharp;

namespace Lessons.Charts;

/// <summary>What an image export did: the file written, or why none was.</summary>
public sealed record ImageExportResult(string? Path, string Message)
{
    public bool Saved => Path is not null;
    public override string ToString() => Message;
}

/// <summary>
/// Charts to files: HTML that draws offline (plotly.js embedded), and PNG through a local headless Chromium
/// (Plotly.NET.ImageExport; if that fails, Chromium's own --screenshot of the offline page).
/// </summary>
public static class ChartFiles
{
    static readonly SemaphoreSlim exportLock = new(1, 1);

    /// <summary>Write <paramref name="chart"/> as a self-contained HTML page; returns the full path.</summary>
    public static string SaveHtml(GenericChart chart, string path, string? title = null) =>
        new ChartPage(title ?? Path.GetFileNameWithoutExtension(path), showTitle: false).Chart(chart).Save(path);

    /// <summary>The chart's own size from its layout (the kit's charts all set one), else 900×600.</summary>
    public static (int Width, int Height) SizeOf(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        int Read(string name, int fallback) =>
            layout.TryGetPropertyValue(name) is { } value && value.Value is int n ? n : fallback;
        return (Read("width", 900), Read("height", 600));
    }

    /// <summary>
    /// Save a PNG of <paramref name="chart"/> at <paramref name="path"/> (".png" added if missing). Without a
    /// browser nothing is written and the result says so; export errors are reported the same way, never thrown.
    /// </summary>
    public static ImageExportResult SavePng(GenericChart chart, string path, int? width = null, int? height = null)
    {
        var browser = HeadlessChromium.Find();
        if (browser is null) return new ImageExportResult(null, "PNG export skipped: " + HeadlessChromium.NotFoundMessage);
        var full = Path.GetFullPath(path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? path : path + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var (w, h) = SizeOf(chart);
        w = width ?? w;
        h = height ?? h;

        string? puppeteerError;
        try
        {
            SaveWithImageExport(chart, full, w, h, browser);
            if (File.Exists(full)) return new ImageExportResult(full, $"Saved {full} ({w}×{h}).");
            puppeteerError = "Plotly.NET.ImageExport wrote no file";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            puppeteerError = e.GetBaseException().Message;
        }

        try
        {
            var page = Path.Combine(Path.GetTempPath(), $"lessons-chart-{Guid.NewGuid():N}.html");
            try
            {
                SaveHtml(chart, page);
                browser.Screenshot(page, full, w, h);
            }
            finally { File.Delete(page); }
            return new ImageExportResult(full, $"Saved {full} ({w}×{h}) with Chromium's screenshot (ImageExport failed: {puppeteerError}).");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ImageExportResult(null, $"PNG export failed: {puppeteerError}; Chromium screenshot: {e.GetBaseException().Message}");
        }
    }

    static void SaveWithImageExport(GenericChart chart, string fullPath, int width, int height, HeadlessChromium browser)
    {
        exportLock.Wait();
        try
        {
            PuppeteerSharpRendererOptions.localBrowserExecutablePath = FSharpOption<string>.Some(browser.Executable);
            var profile = Directory.CreateTempSubdirectory("lessons-puppeteer-");
            try
            {
                PuppeteerSharpRendererOptions.launchOptions = new LaunchOptions
                {
                    Headless = true,
                    ExecutablePath = browser.Executable,
                    Args = HeadlessChromium.BaseArguments(profile.FullName).ToArray(),
                    Timeout = (int)browser.Timeout.TotalMilliseconds,
                };
                // The renderer overwrites the layout's width and height: give it a layout of its own, not the caller's.
                var layout = new Layout();
                GenericChart.getLayout(chart).ShallowCopyDynamicPropertiesTo(layout, FSharpOption<bool>.Some(true));
                // plotly.js inline: the renderer's page must not fetch anything.
                var offline = GenericChart.setDisplayOptions(
                    DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full)),
                    GenericChart.setLayout(layout, chart));
                var withoutExtension = Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath));
                var save = Plotly.NET.ImageExport.GenericChartExtensions.SavePNGAsync(
                    offline, withoutExtension, FSharpOption<ExportEngine>.None,
                    FSharpOption<int>.Some(width), FSharpOption<int>.Some(height));
                if (!save.Wait(browser.Timeout)) throw new TimeoutException($"PNG export took longer than {browser.Timeout.TotalSeconds:0} s.");
            }
            finally
            {
                try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        finally { exportLock.Release(); }
    }
}
