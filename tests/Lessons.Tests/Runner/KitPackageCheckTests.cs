using Lessons.Notebooks;

namespace Lessons.Tests.Runner;

/// <summary>
/// A kernel whose cached package resolution handed it another build of the kit than the checkout's is told to restart,
/// and the cached resolutions that name the kit are forgotten (others stay); the checkout's own build passes.
/// </summary>
public sealed class KitPackageCheckTests : IDisposable
{
    const string Built = "0.1.0-dev.20261207033738";
    readonly string root = Directory.CreateTempSubdirectory("lessons-checkout-").FullName;
    readonly string cache = Directory.CreateTempSubdirectory("lessons-resolutions-").FullName;
    readonly string kitEntry, otherEntry;

    public KitPackageCheckTests()
    {
        string feed = Directory.CreateDirectory(Path.Combine(root, "artifacts", "packages")).FullName;
        File.WriteAllText(Path.Combine(feed, $"Lessons.{Built}.nupkg"), "");
        File.WriteAllText(Path.Combine(feed, $"Lessons.Notebooks.{Built}.nupkg"), "");
        kitEntry = Path.Combine(cache, "aa.resolvedReferences.paths");
        otherEntry = Path.Combine(cache, "bb.resolvedReferences.paths");
        File.WriteAllLines(kitEntry, [
            "CsvHelper,33.1.0,/home/s/.nuget/packages/csvhelper/33.1.0/,/home/s/.nuget/packages/csvhelper/33.1.0/lib/net9.0/CsvHelper.dll,runtime,False,,",
            "Lessons.Notebooks,0.1.0-dev.20250101000000,/home/s/.nuget/packages/lessons.notebooks/0.1.0-dev.20250101000000/,x,runtime,False,,",
        ]);
        File.WriteAllLines(otherEntry, ["Plotly.NET,5.1.0,/home/s/.nuget/packages/plotly.net/5.1.0/,x,runtime,False,,"]);
    }

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public void The_checkouts_own_build_passes_and_the_cache_stays()
    {
        KitPackageCheck.Verify(Built, root, cache);
        Assert.True(File.Exists(kitEntry));
    }

    [Fact]
    public void Another_build_stops_with_one_line_naming_both_and_forgets_the_kits_cached_resolutions()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KitPackageCheck.Verify("0.1.0-dev.20250101000000", root, cache));
        Assert.Equal(
            "This kernel loaded the kit's build 0.1.0-dev.20250101000000, but this checkout built 0.1.0-dev.20261207033738 " +
            "(a package resolution cached by an earlier build or another checkout, now forgotten): restart the kernel and run this cell again.",
            error.Message);
        Assert.False(File.Exists(kitEntry));
        Assert.True(File.Exists(otherEntry));
    }

    [Fact]
    public void With_two_builds_in_the_feed_the_lowest_is_the_checkouts_as_NuGet_resolves_at_least_0_1_0_dev()
    {
        File.WriteAllText(Path.Combine(root, "artifacts", "packages", "Lessons.Notebooks.0.1.0-dev.20261208000000.nupkg"), "");
        KitPackageCheck.Verify(Built, root, cache);
        Assert.Throws<InvalidOperationException>(() => KitPackageCheck.Verify("0.1.0-dev.20261208000000", root, cache));
    }

    [Theory]
    [InlineData("0.1.0")]       // the assembly's own version: the kit did not come from a package (tests, the CLI)
    [InlineData("0.1.0-dev")]
    public void A_kit_not_loaded_from_a_package_is_not_checked(string loaded)
    {
        KitPackageCheck.Verify(loaded, root, cache);
        Assert.True(File.Exists(kitEntry));
    }

    [Fact]
    public void Outside_a_checkout_or_before_the_first_build_nothing_is_checked()
    {
        KitPackageCheck.Verify("0.1.0-dev.20250101000000", root: null, cache);
        Directory.Delete(Path.Combine(root, "artifacts"), recursive: true);
        KitPackageCheck.Verify("0.1.0-dev.20250101000000", root, cache);
        Assert.True(File.Exists(kitEntry));
    }
}
