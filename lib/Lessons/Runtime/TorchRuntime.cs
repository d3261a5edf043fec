using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Runtime;

/// <summary>Thrown when TorchSharp cannot be made to load; the message says what is wrong and what to do.</summary>
public sealed class TorchNotReadyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one call every entry point makes before touching a tensor: <see cref="EnsureReady"/>.
/// On Linux it (1) makes TorchSharp's native wrapper loadable where libstdc++ is older than GCC 13's
/// (<see cref="LoadableWrapper"/>: a patched private copy, the shared one untouched),
/// and (2) loads the package's own LibTorch by full path, so that another libtorch on the loader's default
/// path (Debian's python3-torch) is never picked up. Then it initialises TorchSharp and picks the device.
/// </summary>
public static class TorchRuntime
{
    /// <summary>The version TorchSharp 0.107.0 asks for, and the only symbol it binds to it (never called).</summary>
    public const string Gcc13Version = "GLIBCXX_3.4.32";
    internal static readonly HashSet<string> UnusedGcc13Symbols = ["_ZSt21ios_base_library_initv"];

    static readonly Lock Gate = new();
    static Device? device;
    static readonly List<string> steps = [];

    /// <summary>
    /// What <see cref="EnsureReady"/> did in this process (native loading happens once per process), for `lessons
    /// doctor`: a copy, so nobody outside adds to it or clears it.
    /// </summary>
    public static IReadOnlyList<string> Log
    {
        get
        {
            lock (Gate) return [.. steps];
        }
    }

    /// <summary>The device the kit trains on: CUDA when TorchSharp reports it, else CPU.</summary>
    public static Device Device => device ?? EnsureReady();

    /// <summary>Makes TorchSharp usable in this process (idempotent, thread-safe) and returns the default device.</summary>
    public static Device EnsureReady()
    {
        lock (Gate)
        {
            if (device is not null) return device;
            if (OperatingSystem.IsLinux()) PrepareLinuxNatives();
            try
            {
                InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e)
            {
                throw new TorchNotReadyException(Diagnose(e), e);
            }
            device = cuda.is_available() ? CUDA : CPU;
            steps.Add($"TorchSharp {typeof(torch).Assembly.GetName().Version} ready on {device.type}");
            return device;
        }
    }

    static void PrepareLinuxNatives()
    {
        string? folder = LibTorchFiles.LibTorchFolder();
        if (folder is null)
        {
            steps.Add("LibTorch not found in any candidate folder; leaving native loading to TorchSharp.");
            return;
        }
        foreach (string lib in LibTorchFiles.LibTorch) Preload(Path.Combine(folder, lib));
        // Only the copy that will be loaded is looked at; where it needs patching, a private patched copy is loaded.
        // TorchSharp's own lookup of "libLibTorchSharp.so" then finds it by its soname, already in the process.
        if (LibTorchFiles.WrapperFor(folder) is { } wrapper)
            Preload(LoadableWrapper.Prepare(wrapper, LibStdCxx.Path(), LoadableWrapper.CacheFolder, steps));
    }

    static void Preload(string path)
    {
        try
        {
            NativeLibrary.Load(path);
            steps.Add($"loaded {path}");
        }
        catch (Exception e)
        {
            throw new TorchNotReadyException(Diagnose(e, path), e);
        }
    }

    static string Diagnose(Exception e, string? path = null)
    {
        var why = new List<string> { $"TorchSharp could not load its native libraries{(path is null ? "" : $" ({path})")}: {e.Message}" };
        if (OperatingSystem.IsLinux())
        {
            string? libstdcxx = LibStdCxx.Path();
            if (libstdcxx is not null && !LibStdCxx.Provides(libstdcxx, Gcc13Version))
                why.Add($"This machine's libstdc++ ({libstdcxx}) stops before {Gcc13Version}; the kit loads a patched copy of " +
                        $"libLibTorchSharp.so from {LoadableWrapper.CacheFolder}, so check that this folder is writable.");
            if (LibTorchFiles.LibTorchFolder() is null)
                why.Add("No folder holds libtorch_cpu.so: run `dotnet restore` (the kit references TorchSharp and libtorch-cpu for this platform).");
            if (File.Exists("/usr/lib/x86_64-linux-gnu/libtorch_cpu.so"))
                why.Add("Another libtorch is on the default loader path (/usr/lib/x86_64-linux-gnu, e.g. Debian's python3-torch); " +
                        "call Lessons.Runtime.TorchRuntime.EnsureReady() before any other TorchSharp call.");
        }
        why.Add("`ldd` on libLibTorchSharp.so shows which dependency is missing.");
        return string.Join(Environment.NewLine, why);
    }
}
