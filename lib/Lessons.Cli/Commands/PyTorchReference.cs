using System.Diagnostics;
using System.Text.Json;
using Lessons.Data;

namespace Lessons.Cli.Commands;

/// <summary>
/// Runs ../shared/bench/pytorch_reference.py (the original lesson's PyTorch pipeline) for one model and reads its
/// JSON line. Needs /usr/bin/python3 with Debian's python3-torch and python3-torchtext.
/// </summary>
static class PyTorchReference
{
    public const string Python = "/usr/bin/python3";

    public sealed record Result(string Model, double SamplesPerSecond, double EpochSeconds, double TestAccuracy);

    /// <summary>The script next to the repository (../shared/bench), or null when it is not there.</summary>
    public static string? Script()
    {
        string? root = RepositoryRoot.Find();
        if (root is null) return null;
        string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", "pytorch_reference.py"));
        return File.Exists(path) ? path : null;
    }

    public static Result Run(string script, string dataFolder, int threads, string model)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { script, dataFolder, threads.ToString(), model }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        string stdout;
        Task<string> stderr;
        try
        {
            stderr = process.StandardError.ReadToEndAsync();
            stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        finally
        {
            // Never leave the reference running behind us (e.g. after Ctrl+C).
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Python} {Path.GetFileName(script)} {model} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        string line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"{Path.GetFileName(script)} printed nothing for {model}.");
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Result(model, root.GetProperty("samples_per_s").GetDouble(), root.GetProperty("epoch_s").GetDouble(), root.GetProperty("test_acc").GetDouble());
    }
}
