using Lessons.Runtime;

namespace Lessons.Tests.Runtime;

/// <summary>
/// The GLIBCXX fix with fixtures (an unpatched copy, a read-only copy, a damaged copy, an unwritable cache), so each test
/// flips a flag even on a machine whose NuGet cache was patched in place long ago.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LoadableWrapperTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("lessons-wrapper-").FullName;
    string Cache => Path.Combine(dir, "cache");

    public void Dispose()
    {
        foreach (string path in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Prepend(dir))
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Directory.Delete(dir, recursive: true);
    }

    static bool IsWeak(string path) =>
        ElfVersionNeeds.Read(path).Requirements.Single(r => r.Version == TorchRuntime.Gcc13Version).IsWeak;

    [Fact]
    public void An_unpatched_wrapper_is_loaded_from_a_patched_private_copy_and_the_original_is_left_alone()
    {
        string original = WrapperFixture.Unpatched(Path.Combine(dir, "nuget"));
        byte[] before = File.ReadAllBytes(original);
        var log = new List<string>();

        string loaded = LoadableWrapper.Prepare(original, WrapperFixture.OldLibStdCxx(dir), Cache, log);

        Assert.StartsWith(Cache + Path.DirectorySeparatorChar, loaded);
        Assert.True(IsWeak(loaded));
        Assert.Equal(before, File.ReadAllBytes(original));
        byte[] copy = File.ReadAllBytes(loaded);
        Assert.Equal(before.Length, copy.Length);
        Assert.Equal(1, Enumerable.Range(0, copy.Length).Count(i => copy[i] != before[i]));
        Assert.Equal([$"marked {TorchRuntime.Gcc13Version} weak in a private copy of {original}: {loaded}"], log);

        // The next process reuses the copy: nothing written, nothing logged.
        Assert.Equal(loaded, LoadableWrapper.Prepare(original, WrapperFixture.OldLibStdCxx(dir), Cache, log));
        Assert.Single(log);
    }

    [Fact]
    public void A_read_only_original_is_no_obstacle()
    {
        string original = WrapperFixture.Unpatched(Path.Combine(dir, "read-only"));
        File.SetUnixFileMode(original, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(Path.GetDirectoryName(original)!, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var written = File.GetLastWriteTimeUtc(original);

        string loaded = LoadableWrapper.Prepare(original, WrapperFixture.OldLibStdCxx(dir), Cache, []);

        Assert.True(IsWeak(loaded));
        Assert.False(IsWeak(original));
        Assert.Equal(written, File.GetLastWriteTimeUtc(original));
    }

    [Fact]
    public void A_wrapper_that_needs_no_patch_is_loaded_as_it_is()
    {
        string original = WrapperFixture.Unpatched(Path.Combine(dir, "nuget"));
        string newLibStdCxx = Path.Combine(dir, "libstdc++-gcc13.so.6");
        File.WriteAllText(newLibStdCxx, $"GLIBCXX_3.4.30\0{TorchRuntime.Gcc13Version}\0");
        var log = new List<string>();

        Assert.Equal(original, LoadableWrapper.Prepare(original, newLibStdCxx, Cache, log));
        Assert.Empty(log);
        Assert.False(Directory.Exists(Cache));
    }

    [Fact]
    public void A_damaged_wrapper_is_reported_by_name()
    {
        string damaged = Path.Combine(dir, LibTorchFiles.Wrapper);
        File.WriteAllBytes(damaged, File.ReadAllBytes(WrapperFixture.Packaged)[..4096]);

        var error = Assert.Throws<TorchNotReadyException>(() => LoadableWrapper.Prepare(damaged, WrapperFixture.OldLibStdCxx(dir), Cache, []));

        Assert.StartsWith($"{damaged} is not a library this kit can load", error.Message);
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_is_reported_by_name()
    {
        string original = WrapperFixture.Unpatched(Path.Combine(dir, "nuget"));
        string file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "");
        string cache = Path.Combine(file, "natives");

        var error = Assert.Throws<TorchNotReadyException>(() => LoadableWrapper.Prepare(original, WrapperFixture.OldLibStdCxx(dir), cache, []));

        Assert.Contains($"cannot write its patched copy into {cache}", error.Message);
        Assert.False(IsWeak(original));
    }

    [Fact]
    public void Version_folders_rank_by_parsed_version_with_the_kits_own_first()
    {
        string package = Path.Combine(dir, "libtorch-cpu-linux-x64");
        foreach (string version in new[] { "2.5.1", "2.10.0", "2.9.0", "not-a-version" })
            Directory.CreateDirectory(Path.Combine(package, version));

        Assert.Equal(["2.10.0", "2.9.0", "2.5.1", "not-a-version"], LibTorchFiles.VersionFolders(package, null).Select(Path.GetFileName));
        Assert.Equal(["2.9.0", "2.10.0", "2.5.1", "not-a-version"], LibTorchFiles.VersionFolders(package, "2.9.0").Select(Path.GetFileName));
        Assert.Equal("2.10.0", LibTorchFiles.BuiltAgainst);
    }
}
