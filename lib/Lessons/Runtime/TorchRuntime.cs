using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Runtime;

/// <summary>Thrown when TorchSharp cannot be made to load; the message says what is wrong and what to do.</summary>
public sealed class TorchNotReadyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one call every entry point makes before touching a tensor: <see cref="EnsureReady"/>.
/// On Linux it (1) makes TorchSharp's native wrapper loadable where libstdc++ is older than GCC 13's,
/// and (2) loads the package's own LibTorch by full path, so that another libtorch on the loader's default
/// path (Debian's python3-torch) is never picked up. Then it initialises TorchSharp and picks the device.
/// </summary>
public static class TorchRuntime
{
    /// <summary>The version TorchSharp 0.107.0 asks for, and the only symbol it binds to it (never called).</summary>
    public const string Gcc13Version = "GLIBCXX_3.4.32";
    static readonly HashSet<string> UnusedGcc13Symbols = ["_ZSt21ios_base_library_initv"];

    static readonly Lock Gate = new();
    static Device? device;

    /// <summary>What <see cref="EnsureReady"/> did, for `lessons doctor`-style reports and notebooks' first cell.</summary>
    public static List<string> Log { get; } = [];

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
            Log.Add($"TorchSharp {typeof(torch).Assembly.GetName().Version} ready on {device.type}");
            return device;
        }
    }

    static void PrepareLinuxNatives()
    {
        PatchWrapperIfNeeded();

        string? folder = LibTorchFiles.LibTorchFolder();
        if (folder is null)
        {
            Log.Add("LibTorch not found in any candidate folder; leaving native loading to TorchSharp.");
            return;
        }
        foreach (string lib in LibTorchFiles.LibTorch) Preload(Path.Combine(folder, lib));
        // The wrapper next to LibTorch if there is one, else the first copy anywhere.
        string wrapper = Path.Combine(folder, LibTorchFiles.Wrapper);
        if (!File.Exists(wrapper)) wrapper = LibTorchFiles.WrapperCopies().FirstOrDefault() ?? wrapper;
        if (File.Exists(wrapper)) Preload(wrapper);
    }

    static void Preload(string path)
    {
        try
        {
            NativeLibrary.Load(path);
            Log.Add($"loaded {path}");
        }
        catch (Exception e)
        {
            throw new TorchNotReadyException(Diagnose(e, path), e);
        }
    }

    /// <summary>
    /// Marks the GLIBCXX_3.4.32 requirement of every copy of libLibTorchSharp.so weak, but only where this
    /// process's libstdc++ lacks that version, and only when no symbol but the known-unused one is bound to it.
    /// </summary>
    public static void PatchWrapperIfNeeded()
    {
        string? libstdcxx = LibStdCxx.Path();
        if (libstdcxx is not null && LibStdCxx.Provides(libstdcxx, Gcc13Version)) return;

        foreach (string copy in LibTorchFiles.WrapperCopies())
        {
            var needs = ElfVersionNeeds.Read(copy);
            var gcc13 = needs.Requirements.FirstOrDefault(r => r.Version == Gcc13Version);
            if (gcc13 is null || gcc13.IsWeak) continue;
            var used = gcc13.Symbols.Where(s => !UnusedGcc13Symbols.Contains(s)).ToList();
            if (used.Count > 0)
                throw new TorchNotReadyException(
                    $"{copy} needs {Gcc13Version} for {string.Join(", ", used)}, which {libstdcxx ?? "this machine's libstdc++"} " +
                    "does not provide. Install a newer libstdc++ (GCC 13 or later).");
            try
            {
                needs.MakeWeak(Gcc13Version);
                Log.Add($"marked {Gcc13Version} weak in {copy}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new TorchNotReadyException(
                    $"{copy} needs {Gcc13Version}, which {libstdcxx} lacks, and the kit cannot fix the file: it is read-only. " +
                    "Run `dotnet build` once as the owner of the NuGet folder, or make the file writable.", e);
            }
        }
    }

    static string Diagnose(Exception e, string? path = null)
    {
        var why = new List<string> { $"TorchSharp could not load its native libraries{(path is null ? "" : $" ({path})")}: {e.Message}" };
        if (OperatingSystem.IsLinux())
        {
            string? libstdcxx = LibStdCxx.Path();
            if (libstdcxx is not null && !LibStdCxx.Provides(libstdcxx, Gcc13Version))
                why.Add($"This machine's libstdc++ ({libstdcxx}) stops before {Gcc13Version}; the kit patches libLibTorchSharp.so for that, " +
                        "so check that the files listed by `lessons doctor` are writable.");
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
