using System.Diagnostics;
using System.Text.Json;
using Lessons.Data;

namespace Lessons.Cli.Commands;

/// <summary>
/// Runs a PyTorch yardstick in the repository's bench/ folder for one model and reads its JSON line:
/// <see cref="Lesson"/> is the original lesson's pipeline, <see cref="Tuned"/> the same models written the way a careful
/// engineer would. Needs /usr/bin/python3 with Debian's python3-torch and python3-torchtext (bench/README.md).
/// </summary>
static class PyTorchReference
{
    public const string Python = "/usr/bin/python3";
    public const string Lesson = "pytorch_reference.py", Tuned = "pytorch_tuned.py";

    public sealed record Result(string Model, double SamplesPerSecond, double EpochSeconds);

    /// <summary>The repository's folder of yardstick scripts.</summary>
    public const string Folder = "bench";

    /// <summary>The script <paramref name="fileName"/> in the repository's bench/ folder, or a clear error.</summary>
    public static string Script(string fileName, string option)
    {
        string? root = RepositoryRoot.Find();
        string? path = root is null ? null : ScriptIn(root, fileName);
        if (path is null || !File.Exists(path))
            throw new BenchException($"{option}: {Folder}/{fileName} was not found in the repository.");
        if (!File.Exists(Python)) throw new BenchException($"{option} needs {Python} with python3-torch and python3-torchtext.");
        return path;
    }

    /// <summary>Where <paramref name="fileName"/> lives in the repository at <paramref name="root"/>.</summary>
    public static string ScriptIn(string root, string fileName) => Path.Combine(root, Folder, fileName);

    public static Result Run(string script, string dataFolder, int threads, string model)
    {
        using var json = JsonDocument.Parse(LastLine(Path.GetFileName(script) + " " + model, script, dataFolder, threads.ToString(), model));
        var root = json.RootElement;
        return new Result(model, root.GetProperty("samples_per_s").GetDouble(), root.GetProperty("epoch_s").GetDouble());
    }

    /// <summary>
    /// glibc settings for the yardsticks' process: keep freed memory instead of handing it back to the kernel. PyTorch's
    /// dense path allocates and frees several embedding-sized tensors (22,408 × 64 floats) every step; with glibc's
    /// defaults each one comes back from the kernel as fresh pages, and on this kind of virtual machine page faults are
    /// slow: the lesson's pipeline trained the simple RNN at 325 samples/s with the defaults and at 2,098 with these,
    /// back to back (2026-12-01). A yardstick should measure PyTorch, not the machine's page faults.
    /// </summary>
    static readonly (string Name, string Value)[] YardstickEnvironment =
    [
        ("MALLOC_MMAP_THRESHOLD_", "4294967296"),
        ("MALLOC_TRIM_THRESHOLD_", "4294967296"),
        ("MALLOC_TOP_PAD_", "268435456"),
    ];

    /// <summary>Runs <see cref="Python"/> with the arguments and returns the last line it printed; a clear error if it failed.</summary>
    public static string LastLine(string what, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in arguments) start.ArgumentList.Add(arg);
        foreach (var (name, value) in YardstickEnvironment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new BenchException($"Could not start {Python}.");
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
            // Never leave the yardstick running behind us (e.g. after Ctrl+C).
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        if (process.ExitCode != 0)
            throw new BenchException($"{Python} {what} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new BenchException($"{Python} {what} printed nothing.");
    }
}
