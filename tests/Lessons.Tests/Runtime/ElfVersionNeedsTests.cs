using Lessons.Runtime;

namespace Lessons.Tests.Runtime;

public sealed class ElfVersionNeedsTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("lessons-elf-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Reads_the_version_needs_of_LibTorchSharp()
    {
        var needs = ElfVersionNeeds.Read(WrapperFixture.Packaged);

        var gcc13 = Assert.Single(needs.Requirements, r => r.Version == TorchRuntime.Gcc13Version);
        Assert.Equal("libstdc++.so.6", gcc13.Library);
        Assert.Equal(["_ZSt21ios_base_library_initv"], gcc13.Symbols);
        Assert.Contains(needs.Requirements, r => r.Library == "libc.so.6" && r.Version.StartsWith("GLIBC_2.", StringComparison.Ordinal));
        // Every other libstdc++ requirement must be old enough for Debian 12 (GLIBCXX_3.4.30).
        Assert.All(needs.Requirements.Where(r => r.Version.StartsWith("GLIBCXX_", StringComparison.Ordinal) && r != gcc13),
            r => Assert.True(new Version(r.Version["GLIBCXX_".Length..]) <= new Version("3.4.30"), r.Version));
    }

    [Fact]
    public void MakeWeak_flips_one_flag_in_place_and_is_idempotent()
    {
        string copy = WrapperFixture.Unpatched(dir);
        var before = ElfVersionNeeds.Read(copy);
        Assert.False(before.Requirements.Single(r => r.Version == TorchRuntime.Gcc13Version).IsWeak);
        byte[] original = File.ReadAllBytes(copy);

        bool changed = before.MakeWeak(TorchRuntime.Gcc13Version);
        bool changedAgain = ElfVersionNeeds.Read(copy).MakeWeak(TorchRuntime.Gcc13Version);

        var after = ElfVersionNeeds.Read(copy);
        Assert.True(changed);
        Assert.False(changedAgain);
        Assert.True(after.Requirements.Single(r => r.Version == TorchRuntime.Gcc13Version).IsWeak);
        Assert.All(after.Requirements.Where(r => r.Version != TorchRuntime.Gcc13Version), r => Assert.False(r.IsWeak, r.Version));
        byte[] patched = File.ReadAllBytes(copy);
        Assert.Equal(original.Length, patched.Length);
        Assert.Equal(1, Enumerable.Range(0, original.Length).Count(i => original[i] != patched[i]));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_ELF_naming_it()
    {
        string bogus = Path.Combine(dir, "not-a-library.so");
        File.WriteAllText(bogus, "hello");

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(bogus));
        Assert.Contains(bogus, error.Message);
    }
}
