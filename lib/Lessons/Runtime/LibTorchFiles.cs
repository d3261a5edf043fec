using System.Runtime.InteropServices;
using TorchSharp;

namespace Lessons.Runtime;

/// <summary>
/// Where TorchSharp's native files are on this machine: next to the app (dotnet build/test/run),
/// in TorchSharp's own copy beside its assembly (notebook kernels), or in the NuGet package folder.
/// </summary>
public static class LibTorchFiles
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
        string libtorchPackage = System.IO.Path.Combine(NuGetRoot, $"libtorch-cpu-{Rid}");
        if (Directory.Exists(libtorchPackage))
            foreach (string dir in Directory.GetDirectories(libtorchPackage).OrderDescending(StringComparer.Ordinal))
                folders.Add(System.IO.Path.Combine(dir, "runtimes", Rid, "native"));

        return folders.Distinct().Where(Directory.Exists).ToList();
    }

    /// <summary>Every copy of libLibTorchSharp.so in the candidate folders.</summary>
    public static IReadOnlyList<string> WrapperCopies() =>
        CandidateFolders().Select(d => System.IO.Path.Combine(d, Wrapper)).Where(File.Exists).ToList();

    /// <summary>The first folder holding all of LibTorch's main libraries, or null.</summary>
    public static string? LibTorchFolder() =>
        CandidateFolders().FirstOrDefault(d => LibTorch.All(f => File.Exists(System.IO.Path.Combine(d, f))));
}
