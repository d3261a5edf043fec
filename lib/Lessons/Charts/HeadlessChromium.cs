using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Lessons.Charts;

/// <summary>
/// A local Chromium/Chrome run headless, once per call, with a fresh profile and no network chatter: to take a
/// screenshot of an offline page or read the DOM it drew. <see cref="Find"/> says where the browser is
/// (env LESSONS_CHROMIUM, else the usual install paths); null when there is none.
/// </summary>
public sealed class HeadlessChromium
{
    static readonly string[] KnownPaths =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    ];

    public HeadlessChromium(string executable) => Executable = executable;

    public string Executable { get; }

    /// <summary>Flags added to every run (e.g. "--allow-file-access-from-files" for a page that reads its iframes).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>How long one browser run may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The browser named by env LESSONS_CHROMIUM, or the first known install path that exists; null if none.</summary>
    public static HeadlessChromium? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("LESSONS_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return File.Exists(fromEnv) ? new HeadlessChromium(fromEnv) : null;
        var path = KnownPaths.FirstOrDefault(File.Exists);
        return path is null ? null : new HeadlessChromium(path);
    }

    /// <summary>What to tell a user when no browser was found.</summary>
    public static string NotFoundMessage =>
        "No Chromium/Chrome found (looked at env LESSONS_CHROMIUM and " + string.Join(", ", KnownPaths.Take(4)) +
        "). On Debian/Ubuntu: apt-get install chromium.";

    /// <summary>Chromium refuses to start its sandbox as root (containers, CI): then it runs without one.</summary>
    static bool NeedsNoSandbox => OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>Flags for a quiet, throw-away, offline-friendly headless run.</summary>
    static List<string> BaseArguments(string userDataDir)
    {
        var args = new List<string>
        {
            "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--hide-scrollbars", "--mute-audio", $"--user-data-dir={userDataDir}",
        };
        if (NeedsNoSandbox) args.Add("--no-sandbox");
        return args;
    }

    /// <summary>Open <paramref name="htmlPath"/>, let its scripts run for <paramref name="budget"/> of virtual time, return the DOM.</summary>
    public string DumpDom(string htmlPath, TimeSpan? budget = null) =>
        Run(["--dump-dom", VirtualTime(budget), FileUrl(htmlPath)]);

    /// <summary>Open <paramref name="htmlPath"/> in a window of the given size and save a PNG screenshot of it.</summary>
    public void Screenshot(string htmlPath, string pngPath, int width, int height, TimeSpan? budget = null)
    {
        var full = Path.GetFullPath(pngPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full)) File.Delete(full);
        Run([$"--screenshot={full}", $"--window-size={width},{height}", VirtualTime(budget), FileUrl(htmlPath)]);
        if (!File.Exists(full)) throw new InvalidOperationException($"{Executable} wrote no screenshot to {full}.");
    }

    /// <summary>A PNG screenshot of <paramref name="htmlPath"/> in a window of the given size, as bytes.</summary>
    public byte[] ScreenshotPng(string htmlPath, int width, int height)
    {
        var png = Path.Combine(Path.GetTempPath(), $"lessons-screenshot-{Guid.NewGuid():N}.png");
        try
        {
            Screenshot(htmlPath, png, width, height);
            return File.ReadAllBytes(png);
        }
        finally { File.Delete(png); }
    }

    static string VirtualTime(TimeSpan? budget) => $"--virtual-time-budget={(int)(budget ?? TimeSpan.FromSeconds(5)).TotalMilliseconds}";

    static string FileUrl(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    string Run(IEnumerable<string> extra)
    {
        var profile = Directory.CreateTempSubdirectory("lessons-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = profile.FullName,
            };
            foreach (var arg in BaseArguments(profile.FullName).Concat(ExtraArguments).Concat(extra)) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Executable} did not finish within {Timeout.TotalSeconds:0} s.");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{Executable} exited with code {process.ExitCode}: {Tail(stderr.Result)}");
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    [DllImport("libc", SetLastError = false)]
    static extern uint geteuid();
}
