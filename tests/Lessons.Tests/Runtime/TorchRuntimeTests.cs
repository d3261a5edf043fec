using Lessons.Runtime;
using static TorchSharp.torch;

namespace Lessons.Tests.Runtime;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void EnsureReady_loads_the_packages_own_LibTorch_and_computes()
    {
        var device = TorchRuntime.EnsureReady();
        Assert.Same(device, TorchRuntime.EnsureReady());

        using var scope = NewDisposeScope();
        var product = tensor(new float[] { 1, 2, 3 }).dot(tensor(new float[] { 4, 5, 6 }));
        Assert.Equal(32f, product.item<float>());

        // Whatever else sits on the loader path (Debian's python3-torch), the mapped libtorch_cpu is the package's 2.10.
        string mapped = File.ReadLines("/proc/self/maps").Select(l => l[(l.IndexOf('/') is var i && i >= 0 ? i : l.Length)..])
            .First(p => p.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal));
        Assert.DoesNotContain("/usr/lib/", mapped);
    }

    [Fact]
    public void The_wrapper_in_use_needs_nothing_this_libstdcxx_lacks()
    {
        TorchRuntime.EnsureReady();
        string libstdcxx = LibStdCxx.Path() ?? throw new InvalidOperationException("no libstdc++ mapped");

        // The copy mapped into this process (a private patched copy where one was needed), not every copy on disk.
        string wrapper = Assert.Single(File.ReadLines("/proc/self/maps").Select(l => l[(l.IndexOf('/') is var i && i >= 0 ? i : l.Length)..])
            .Where(p => p.EndsWith("/" + LibTorchFiles.Wrapper, StringComparison.Ordinal)).Distinct());
        var strongMissing = ElfVersionNeeds.Read(wrapper).Requirements
            .Where(r => r.Library == "libstdc++.so.6" && !r.IsWeak && !LibStdCxx.Provides(libstdcxx, r.Version))
            .Select(r => r.Version);
        Assert.Empty(strongMissing);
    }
}
