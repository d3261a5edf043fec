using System.Diagnostics;
using Lessons.Cli;
using Lessons.Cli.Doctor;
using Lessons.Data;
using Lessons.Tests.Data;

namespace Lessons.Tests.Cli;

/// <summary>
/// `lessons doctor` run as a real process in a made-up world: a HOME of its own (dotnet tools, Jupyter kernels), a PATH of
/// its own, a copy of the repository's root (LESSONS_ROOT) with or without a package feed, and LESSONS_CHROMIUM.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DoctorCommandTests : IDisposable
{
    readonly TempFolder temp = new();
    readonly string home, bin, root;

    public DoctorCommandTests()
    {
        home = Directory.CreateDirectory(temp.File("home")).FullName;
        bin = Directory.CreateDirectory(temp.File("bin")).FullName;
        root = Directory.CreateDirectory(temp.File("repo")).FullName;
        string repository = RepositoryRoot.Find()!;
        foreach (string file in new[] { RepositoryRoot.Marker, SdkBand.File, "nuget.config" })
            File.Copy(Path.Combine(repository, file), Path.Combine(root, file));
        // The real dotnet, alone on PATH: no jupyter, no dotnet tools.
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), RealDotnet);
    }

    public void Dispose() => temp.Dispose();

    static string RealDotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : CommandOnPath.Find("dotnet") ?? throw new InvalidOperationException("no dotnet on PATH");

    string ToolsFolder => Path.Combine(home, ".dotnet", "tools");

    (int Exit, string[] Lines) Doctor(string path, string chromium)
    {
        // Its own working folder: the test host's may be a notebook's temporary folder (the in-process runner's), deleted
        // while the child still runs, and libtorch's MKL aborts when getcwd fails.
        var start = new ProcessStartInfo(RealDotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Cli.dll"));
        start.ArgumentList.Add("doctor");
        start.Environment["HOME"] = home;
        start.Environment["PATH"] = path;
        start.Environment[RepositoryRoot.Variable] = root;
        start.Environment["LESSONS_CHROMIUM"] = chromium;
        foreach (string name in new[] { "DOTNET_CLI_HOME", "XDG_DATA_HOME", "JUPYTER_PATH", "JUPYTER_DATA_DIR" }) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(error.Result.Length == 0, error.Result);
        return (process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    [Fact]
    public void Each_missing_piece_is_one_line_saying_what_to_run_and_the_exit_code_is_1()
    {
        string chromium = temp.File("no-such-chromium");

        var (exit, lines) = Doctor(bin, chromium);

        Assert.Equal(CommandRunner.Failed, exit);
        Assert.StartsWith("ok       .NET SDK: 10.0.", lines[0]);
        Assert.Equal([
            "missing  dotnet-interactive tool: run `dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001`",
            "missing  Jupyter kernel .net-csharp: run `dotnet interactive jupyter install` after installing Jupyter (`pip install jupyter`; Debian: `apt-get install -y jupyter-client`)",
            $"missing  kit package feed: no Lessons.Notebooks package in artifacts/packages; run `dotnet build -c Release` in {root}",
            $"missing  Chromium (PNG copies of charts): LESSONS_CHROMIUM names {chromium}, which does not exist; point it at a Chromium or Chrome",
        ], lines[1..5]);
        Assert.StartsWith("ok       TorchSharp: ", lines[^2]);
        Assert.Equal("4 missing: run the command on each missing line.", lines[^1]);
    }

    [Fact]
    public void With_every_piece_in_place_it_says_so_and_exits_0()
    {
        Directory.CreateDirectory(Path.Combine(ToolsFolder, ".store", "microsoft.dotnet-interactive", InteractiveToolCheck.Version));
        string kernel = Directory.CreateDirectory(Path.Combine(home, ".local", "share", "jupyter", "kernels", ".net-csharp")).FullName;
        File.WriteAllText(Path.Combine(kernel, "kernel.json"), "{}");
        Directory.CreateDirectory(Path.Combine(root, "artifacts", "packages"));
        File.WriteAllText(Path.Combine(root, "artifacts", "packages", "Lessons.Notebooks.0.1.0-dev.1.nupkg"), "");
        string chromium = temp.Write("chromium", "");

        var (exit, lines) = Doctor(bin + Path.PathSeparator + ToolsFolder, chromium);

        Assert.True(exit == 0, string.Join('\n', lines));
        Assert.Equal([
            $"ok       dotnet-interactive tool: {InteractiveToolCheck.Version} ({ToolsFolder})",
            $"ok       Jupyter kernel .net-csharp: {kernel}",
            "ok       kit package feed: artifacts/packages/Lessons.Notebooks.0.1.0-dev.1.nupkg",
            $"ok       Chromium (PNG copies of charts): {chromium}",
        ], lines[1..5]);
        Assert.Equal("Every piece is in place.", lines[^1]);
    }

    [Fact]
    public void Another_kernel_version_or_a_tools_folder_off_the_path_is_named_with_its_fix()
    {
        Directory.CreateDirectory(Path.Combine(ToolsFolder, ".store", "microsoft.dotnet-interactive", "1.0.611002"));
        Assert.Equal("missing  dotnet-interactive tool: found 1.0.611002, the kit's kernel is 1.0.712001; run " +
            "`dotnet tool uninstall -g Microsoft.dotnet-interactive && dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001`",
            Doctor(bin + Path.PathSeparator + ToolsFolder, "/bin/sh").Lines[1]);

        Directory.Delete(Path.Combine(ToolsFolder, ".store"), recursive: true);
        Directory.CreateDirectory(Path.Combine(ToolsFolder, ".store", "microsoft.dotnet-interactive", InteractiveToolCheck.Version));
        Assert.Equal($"missing  dotnet-interactive tool: 1.0.712001 is installed but {ToolsFolder} is not on PATH; add it to PATH " +
            "(e.g. in ~/.profile) so `dotnet interactive` starts", Doctor(bin, "/bin/sh").Lines[1]);
    }

    [Fact]
    public void A_machine_with_only_a_newer_sdk_is_told_which_sdk_to_install()
    {
        // A `dotnet` that knows only .NET 11's SDK comes first on PATH.
        string newer = Directory.CreateDirectory(temp.File("dotnet11")).FullName;
        string fake = Path.Combine(newer, "dotnet");
        File.WriteAllText(fake, "#!/bin/sh\necho '11.0.100 [/opt/dotnet/sdk]'\n");
        File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);

        var (exit, lines) = Doctor(newer, "/bin/sh");

        Assert.Equal(CommandRunner.Failed, exit);
        Assert.Equal("missing  .NET SDK: found 11.0.100, none in global.json's band; install the .NET 10.0 SDK " +
            "(10.0.100 or a later 10.0 SDK) from https://dotnet.microsoft.com/download/dotnet/10.0", lines[0]);
    }

    [Theory]
    [InlineData("latestFeature", "10.0.401", true)]
    [InlineData("latestFeature", "10.0.100", true)]
    [InlineData("latestFeature", "11.0.100", false)]
    [InlineData("latestFeature", "9.0.300", false)]
    [InlineData("latestPatch", "10.0.105", true)]
    [InlineData("latestPatch", "10.0.401", false)]
    [InlineData("latestMajor", "11.0.100", true)]
    public void The_sdk_band_follows_dotnets_roll_forward_rules(string rollForward, string installed, bool accepted)
    {
        Assert.Equal(accepted, new SdkBand(new Version(10, 0, 100), rollForward).Accepts(Version.Parse(installed)));
    }

    [Fact]
    public void The_repository_pins_the_net_10_band_and_any_later_10_0_sdk()
    {
        Assert.Equal(new SdkBand(new Version(10, 0, 100), "latestFeature"), SdkBand.Read(RepositoryRoot.Find()!));
    }
}
