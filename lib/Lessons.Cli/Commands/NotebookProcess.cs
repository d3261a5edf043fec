using System.Diagnostics;

namespace Lessons.Cli.Commands;

/// <summary>How one notebook's process ended: its exit code and error text, or what stopped it before it finished.</summary>
/// <param name="StoppedBy">Null when the notebook's run came to its end (whatever its result); else "cell N stopped the
/// run: WHY", when a cell ended the process (Environment.Exit, FailFast, an unhandled exception, a signal).</param>
internal sealed record NotebookOutcome(int ExitCode, string Errors, string? StoppedBy);

/// <summary>
/// Runs one notebook of <c>lessons run</c> in a process of its own: the CLI started again for that notebook with
/// <see cref="LogOption"/>. Whatever a cell does to its process (<c>Environment.Exit(0)</c>, <c>FailFast</c>, a
/// background thread that throws, an out-of-memory kill) ends only that process, and the parent names the notebook and
/// the cell that did it. The child inherits standard output (its progress lines show as they come); its standard error
/// is kept and shown only when the child reached its end, so a crash's stack trace never reaches the user. Closing the
/// child's standard input tells it to stop (how the parent passes on Ctrl+C; it is also closed when the parent dies).
/// </summary>
internal static class NotebookProcess
{
    /// <summary>The hidden option of <c>lessons run</c> that makes it the child: a file it logs "cell N" and "exit C" to.</summary>
    public const string LogOption = "--child-log";

    const string CellEntry = "cell ", ExitEntry = "exit ";

    /// <summary>Grace a child gets to stop after the parent is cancelled, before it is killed.</summary>
    static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1.5);

    public static async Task<NotebookOutcome> RunAsync(string notebook, IEnumerable<string> runOptions, CancellationToken cancel)
    {
        string log = Path.Combine(Path.GetTempPath(), $"lessons-run-{Environment.ProcessId}-{Guid.NewGuid():N}.log");
        var start = Self();
        foreach (string argument in (string[])["run", notebook, .. runOptions, LogOption, log]) start.ArgumentList.Add(argument);
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                process.StandardInput.Close();
                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }
            string stderr = await errors;
            string[] entries = File.Exists(log) ? await File.ReadAllLinesAsync(log, CancellationToken.None) : [];
            int exitCode = process.ExitCode;
            if (entries.LastOrDefault() == ExitEntry + exitCode) return new NotebookOutcome(exitCode, stderr, null);
            string cell = entries.LastOrDefault(e => e.StartsWith(CellEntry, StringComparison.Ordinal)) is { } last
                ? $"cell {last[CellEntry.Length..]}" : "before its first cell,";
            return new NotebookOutcome(exitCode, stderr, $"{cell} stopped the run: {Cause(exitCode, stderr)}");
        }
        finally
        {
            File.Delete(log);
        }
    }

    /// <summary>The child's side: logs that cell <paramref name="number"/> starts.</summary>
    public static void LogCell(string log, int number) => File.AppendAllText(log, $"{CellEntry}{number}\n");

    /// <summary>The child's side: logs that its run ended with <paramref name="exitCode"/>, just before it exits.</summary>
    public static void LogExit(string log, int exitCode) => File.AppendAllText(log, $"{ExitEntry}{exitCode}\n");

    /// <summary>The child's side: a token cancelled when standard input closes (the parent's Ctrl+C, or its death).</summary>
    public static CancellationToken ParentGone(CancellationToken cancel)
    {
        var gone = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _ = Task.Run(() =>
        {
            using var input = Console.OpenStandardInput();
            input.CopyTo(Stream.Null);
            gone.Cancel();
        }, CancellationToken.None);
        return gone.Token;
    }

    /// <summary>What ended a child before its end, in words, from its exit code and what the runtime printed.</summary>
    static string Cause(int exitCode, string stderr)
    {
        if (RuntimeMessage(stderr, "Process terminated.") is { } failFast)
            return $"Environment.FailFast ended the process ({failFast}), exit code {exitCode}";
        if (RuntimeMessage(stderr, "Unhandled exception.") is { } unhandled)
            return $"an unhandled exception on another thread ended the process ({unhandled}), exit code {exitCode}";
        if (!OperatingSystem.IsWindows() && exitCode > 128)
            return $"the process was killed by signal {exitCode - 128}" + (exitCode == 137 ? " (SIGKILL; out of memory?)" : "");
        return $"the notebook ended the process with exit code {exitCode} (Environment.Exit) before its last cell finished";
    }

    /// <summary>The message the runtime printed after <paramref name="heading"/> when it ended the process, on one line and
    /// without the stack trace that follows it; null if it printed no such heading.</summary>
    static string? RuntimeMessage(string stderr, string heading)
    {
        var lines = stderr.Split('\n', StringSplitOptions.TrimEntries).ToList();
        int at = lines.FindIndex(l => l.StartsWith(heading, StringComparison.Ordinal));
        if (at < 0) return null;
        var message = lines.Skip(at + 1).TakeWhile(l => l.Length > 0 && !l.StartsWith("at ", StringComparison.Ordinal));
        return string.Join(" ", [lines[at][heading.Length..].Trim(), .. message]).Trim();
    }

    /// <summary>This CLI, started again: its apphost, or the dotnet host with its dll (also when a test host runs it).</summary>
    static ProcessStartInfo Self()
    {
        string dll = typeof(NotebookProcess).Assembly.Location;
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == Path.GetFileNameWithoutExtension(dll))
            return new ProcessStartInfo(current);
        string host = current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host);
        start.ArgumentList.Add(dll);
        return start;
    }
}
