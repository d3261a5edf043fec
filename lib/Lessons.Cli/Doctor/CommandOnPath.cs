using System.Diagnostics;

namespace Lessons.Cli.Doctor;

/// <summary>A program found the way a shell or a front end finds it: by name, on PATH; and its output when run briefly.</summary>
static class CommandOnPath
{
    /// <summary>The full path of <paramref name="name"/> on PATH (with Windows' extensions there), or null.</summary>
    public static string? Find(string name)
    {
        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat"] : [""];
        foreach (string folder in Folders())
            foreach (string extension in extensions)
            {
                string path = Path.Combine(folder, name + extension);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    /// <summary>Whether <paramref name="folder"/> is one of PATH's folders.</summary>
    public static bool Contains(string folder) =>
        Folders().Any(f => string.Equals(Path.TrimEndingDirectorySeparator(f), Path.TrimEndingDirectorySeparator(folder),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    /// <summary>
    /// What <paramref name="name"/> (found on PATH) prints on stdout with <paramref name="arguments"/>, or null when it is
    /// not on PATH, fails, or takes longer than <paramref name="limit"/>.
    /// </summary>
    public static string? Output(string name, TimeSpan limit, params string[] arguments)
    {
        if (Find(name) is not { } program) return null;
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start);
        if (process is null) return null;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }
        return process.ExitCode == 0 ? stdout.Result : null;
    }

    static IEnumerable<string> Folders() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
