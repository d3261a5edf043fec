using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Runtime;
using Lessons.Tests.Data;
using Lessons.Training;

namespace Lessons.Tests.Cli;

/// <summary>What reaches the user when something fails: one line naming the path and what to do, never a stack trace.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ErrorMessageTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>
    /// Runs the built `lessons` with <paramref name="args"/> as a user whom file modes bind: this user when it is not
    /// root, else "nobody" through setpriv (root reads and writes every file whatever its mode).
    /// </summary>
    static (int Exit, string Error) RunBoundByFileModes(string home, params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Lessons.Cli.dll");
        bool root = Environment.UserName == "root";
        var start = new System.Diagnostics.ProcessStartInfo(root ? "setpriv" : "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = home };
        if (root)
            foreach (string a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(cli);
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("train", "--epochs", "1")]
    public void A_train_csv_the_user_may_not_read_is_one_line_naming_it(string verb, params string[] more)
    {
        string data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        foreach (string file in new[] { "train.csv", "test.csv" }) File.Copy(Path.Combine(SharedData.Mini, file), Path.Combine(data, file));
        File.SetUnixFileMode(Path.Combine(data, "train.csv"), UnixFileMode.None);
        string home = Path.Combine(temp.Path, "home");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);

        var (exit, error) = RunBoundByFileModes(home, [verb, "--data", data, .. more]);

        Assert.True(exit == CommandRunner.Failed, $"exit {exit}: {error}");
        Assert.Equal($"Access to the path '{Path.Combine(data, "train.csv")}' is denied. Check the permissions of that path, or choose another one.",
            error.Trim());
    }

    [Fact]
    public void Run_in_place_in_a_folder_that_cannot_be_written_stops_before_the_first_cell()
    {
        string folder = Path.Combine(temp.Path, "read-only");
        Directory.CreateDirectory(folder);
        string notebook = Path.Combine(folder, "one.ipynb");
        File.Copy(Lessons.Tests.Runner.TestNotebooks.Path_("failing.ipynb"), notebook);
        byte[] before = File.ReadAllBytes(notebook);
        string home = Path.Combine(temp.Path, "home");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(notebook, (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(folder, (UnixFileMode)0b101_101_101);

        var (exit, error) = RunBoundByFileModes(home, "run", "--in-place", notebook);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.StartsWith($"--in-place: cannot write into {folder} (", error);
        Assert.EndsWith("use --out with a writable folder, or fix its permissions.", error.Trim());
        Assert.Equal(before, File.ReadAllBytes(notebook));
    }

    public static TheoryData<Exception, string, int> Failures => new()
    {
        { new UnauthorizedAccessException("Access to the path '/data/train.csv' is denied."),
            "Access to the path '/data/train.csv' is denied. Check the permissions of that path, or choose another one.", 1 },
        { new IOException("No space left on device : '/ckpt/weights.bin'"),
            "No space left on device : '/ckpt/weights.bin' Check that the disk has room and the path is writable, or choose another one.", 1 },
        { new CheckpointException("/ckpt/weights.bin", "the weights do not load (bad)"), "/ckpt/weights.bin: the weights do not load (bad)", 1 },
        { new TorchNotReadyException("TorchSharp could not load"), "TorchSharp could not load", 1 },
        { new UsageException("--embed 4096, --hidden 4096 and --layers 16 ... more than the 23.4 GiB of this machine"),
            "--embed 4096, --hidden 4096 and --layers 16 ... more than the 23.4 GiB of this machine", 2 },
        // Only the kit's own usage errors are bad usage: an ArgumentException from inside the library is a bug.
        { new ArgumentException("Specified argument was out of the range of valid values."),
            "Unexpected error (ArgumentException): Specified argument was out of the range of valid values. Please report it with the command you ran.", 1 },
        { new ArgumentOutOfRangeException("batchSize"),
            "Unexpected error (ArgumentOutOfRangeException): Specified argument was out of the range of valid values. (Parameter 'batchSize') Please report it with the command you ran.", 1 },
        // LibTorch's errors carry its native stack in the message: only the first line is shown.
        { new System.Runtime.InteropServices.ExternalException("[enforce fail at alloc_cpu.cpp:127] err == 0. can't allocate memory\nframe #0: c10::ThrowEnforceNotMet\nframe #1: c10::alloc_cpu"),
            "Unexpected error (ExternalException): [enforce fail at alloc_cpu.cpp:127] err == 0. can't allocate memory Please report it with the command you ran.", 1 },
        { new InvalidOperationException("No epochs yet."), "Unexpected error (InvalidOperationException): No epochs yet. Please report it with the command you ran.", 1 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_maps_to_one_message_and_one_exit_code(Exception failure, string message, int exitCode)
    {
        Assert.Equal((message, exitCode), CommandRunner.Describe(failure));
    }

    [Fact]
    public async Task A_model_too_large_for_this_machines_memory_is_refused_naming_the_options_before_it_is_built()
    {
        string home = Path.Combine(temp.Path, "home");
        Directory.CreateDirectory(home);
        string cli = Path.Combine(AppContext.BaseDirectory, "Lessons.Cli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = home };
        foreach (string a in new[] { cli, "train", "--data", "mini", "--limit", "200", "--epochs", "1", "--embed", "4096", "--hidden", "4096",
            "--layers", "16", "--bidirectional" })
            start.ArgumentList.Add(a);
        start.Environment["HOME"] = home;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(CommandRunner.BadUsage, process.ExitCode);
        Assert.Matches(@"^--embed 4096, --hidden 4096 and --layers 16 with a vocabulary of [\d,]+ words make a model of [\d,]+ parameters, " +
            @"about [\d,.]+ GiB to train, more than the [\d,.]+ GiB of this machine; choose a smaller --embed, --hidden or --layers, or a larger --min-freq\.$",
            (await error).Trim());
    }

    [Fact]
    public void A_verb_that_throws_prints_no_stack_trace()
    {
        var command = new System.CommandLine.Command("boom");
        command.SetAction(new Func<System.CommandLine.ParseResult, int>(_ => throw new UnauthorizedAccessException("Access to the path '/x' is denied.")));
        var errors = new StringWriter();

        int exit = CommandRunner.Run(command, [], errors);

        Assert.Equal(1, exit);
        Assert.Equal("Access to the path '/x' is denied. Check the permissions of that path, or choose another one.", errors.ToString().Trim());
    }
}
