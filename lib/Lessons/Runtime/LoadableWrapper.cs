using System.Security.Cryptography;

namespace Lessons.Runtime;

/// <summary>
/// Makes the one copy of libLibTorchSharp.so that this process will load loadable where libstdc++ is older than
/// GCC 13's. TorchSharp 0.107.0's wrapper asks for GLIBCXX_3.4.32 for a single symbol it never calls; the kit marks
/// that requirement weak (<see cref="ElfVersionNeeds.MakeWeak"/>) in a private copy under its own cache folder and
/// loads that copy. The original, in the shared NuGet cache or hard-linked into a build output, is only read: no other
/// program sees a changed file, and a read-only or foreign-owned original is no obstacle.
/// </summary>
internal static class LoadableWrapper
{
    /// <summary>Where the kit keeps its patched copies: XDG_DATA_HOME (else ~/.local/share)/lessons/natives.</summary>
    public static string CacheFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify)
            is { Length: > 0 } data ? data : Path.GetTempPath(), "lessons", "natives");

    /// <summary>
    /// The path to load for <paramref name="wrapper"/>: the file itself when <paramref name="libstdcxx"/> provides
    /// <see cref="TorchRuntime.Gcc13Version"/> or the file needs nothing it lacks; otherwise a patched private copy in
    /// <paramref name="cacheFolder"/> (made once per distinct original, by content). Each action is added to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="TorchNotReadyException">The file is damaged or foreign, needs GCC 13 for a symbol that is
    /// called, or no private copy can be written; the message names the file and what to do.</exception>
    public static string Prepare(string wrapper, string? libstdcxx, string cacheFolder, ICollection<string> log)
    {
        if (libstdcxx is not null && LibStdCxx.Provides(libstdcxx, TorchRuntime.Gcc13Version)) return wrapper;

        var gcc13 = Gcc13Requirement(wrapper);
        if (gcc13 is null || gcc13.IsWeak) return wrapper;
        var used = gcc13.Symbols.Where(s => !TorchRuntime.UnusedGcc13Symbols.Contains(s)).ToList();
        if (used.Count > 0)
            throw new TorchNotReadyException(
                $"{wrapper} needs {TorchRuntime.Gcc13Version} for {string.Join(", ", used)}, which {libstdcxx ?? "this machine's libstdc++"} " +
                "does not provide. Install a newer libstdc++ (GCC 13 or later).");

        string copy;
        try
        {
            copy = Path.Combine(cacheFolder, ContentKey(wrapper), LibTorchFiles.Wrapper);
            if (File.Exists(copy) && Gcc13Requirement(copy) is { IsWeak: true }) return copy;
            // Patch a temporary file, then rename: a process that starts meanwhile sees no copy or the whole patched one.
            AtomicFile.Write(copy, (string temporary) =>
            {
                File.Copy(wrapper, temporary);
                ElfVersionNeeds.Read(temporary).MakeWeak(TorchRuntime.Gcc13Version);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TorchNotReadyException(
                $"{wrapper} needs {TorchRuntime.Gcc13Version}, which {libstdcxx ?? "this machine's libstdc++"} lacks, and the kit cannot write " +
                $"its patched copy into {cacheFolder} ({e.Message}). Make that folder writable, or set XDG_DATA_HOME to move it.", e);
        }
        log.Add($"marked {TorchRuntime.Gcc13Version} weak in a private copy of {wrapper}: {copy}");
        return copy;
    }

    /// <summary>The wrapper's GLIBCXX_3.4.32 requirement, or null; a damaged or foreign file is reported by name.</summary>
    static ElfVersionNeeds.Requirement? Gcc13Requirement(string path)
    {
        try
        {
            return ElfVersionNeeds.Read(path).Requirements.FirstOrDefault(r => r.Version == TorchRuntime.Gcc13Version);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new TorchNotReadyException($"{path} is not a library this kit can load ({e.Message}); " +
                "delete it and run `dotnet restore` to fetch a whole copy.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TorchNotReadyException($"{path} cannot be read ({e.Message}); check its permissions.", e);
        }
    }

    /// <summary>A short hash of the original's content, so a new TorchSharp version gets a new copy and equal files share one.</summary>
    static string ContentKey(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }
}
