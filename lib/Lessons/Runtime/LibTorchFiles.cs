using System.Runtime.InteropServices;
using TorchSharp;

namespace Lessons.Runtime;

/// <summary>
/// Where TorchSharp's native files are on this machine: next to the app (dotnet build/test/run),
/// in TorchSharp's own copy beside its assembly (notebook kernels), or in the NuGet package folder.
/// </summary>
internal static class LibTorchFiles
{
    public const string Wrapper = "libLibTorchSharp.so";
    public static readonly string[] LibTorch = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    static string Rid => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    /// <summary>The NuGet package folder (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    public static string NuGetRoot =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root
            ? root
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Every folder that may hold natives, most specific first; only those that exist.</summary>
    public static IReadOnlyList<string> CandidateFolders()
    {
        var folders = new List<string>();
        string app = AppContext.BaseDirectory;
        folders.Add(app);
        folders.Add(System.IO.Path.Combine(app, "runtimes", Rid, "native"));

        string torchSharpDir = System.IO.Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        if (torchSharpDir.Length > 0)
        {
            folders.Add(torchSharpDir);
            folders.Add(System.IO.Path.Combine(torchSharpDir, "cpu"));        // TorchSharp's own copy inside notebook kernels
            folders.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(torchSharpDir, "..", "..", "runtimes", Rid, "native")));
        }

        string version = typeof(torch).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "";
        folders.Add(System.IO.Path.Combine(NuGetRoot, "torchsharp", version, "runtimes", Rid, "native"));
        foreach (string dir in VersionFolders(System.IO.Path.Combine(NuGetRoot, $"libtorch-cpu-{Rid}"), BuiltAgainst))
            folders.Add(System.IO.Path.Combine(dir, "runtimes", Rid, "native"));

        return folders.Distinct().Where(Directory.Exists).ToList();
    }

    /// <summary>The LibTorch version the kit was built against (LibTorchVersion in Directory.Packages.props).</summary>
    public static string? BuiltAgainst =>
        typeof(LibTorchFiles).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "LibTorchVersion")?.Value;

    /// <summary>
    /// The version folders of a NuGet package, best first: <paramref name="preferred"/> (the version the kit was built
    /// against), then the others newest first by parsed version (2.10.0 above 2.5.1), unparsable names last.
    /// </summary>
    public static IReadOnlyList<string> VersionFolders(string package, string? preferred)
    {
        if (!Directory.Exists(package)) return [];
        static Version? Parse(string dir) =>
            Version.TryParse(System.IO.Path.GetFileName(dir).Split('-', '+')[0], out var v) ? v : null;
        return Directory.GetDirectories(package)
            .OrderByDescending(d => System.IO.Path.GetFileName(d) == preferred)
            .ThenByDescending(Parse)
            .ThenBy(System.IO.Path.GetFileName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every copy of libLibTorchSharp.so in the candidate folders.</summary>
    public static IReadOnlyList<string> WrapperCopies() =>
        CandidateFolders().Select(d => System.IO.Path.Combine(d, Wrapper)).Where(File.Exists).ToList();

    /// <summary>The wrapper to load with the LibTorch in <paramref name="libTorchFolder"/>: the copy beside it, else the first copy anywhere.</summary>
    public static string? WrapperFor(string libTorchFolder) =>
        File.Exists(System.IO.Path.Combine(libTorchFolder, Wrapper)) ? System.IO.Path.Combine(libTorchFolder, Wrapper) : WrapperCopies().FirstOrDefault();

    /// <summary>The first folder holding all of LibTorch's main libraries, or null.</summary>
    public static string? LibTorchFolder() =>
        CandidateFolders().FirstOrDefault(d => LibTorch.All(f => File.Exists(System.IO.Path.Combine(d, f))));
}
