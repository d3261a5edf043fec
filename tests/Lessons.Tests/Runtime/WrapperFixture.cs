using System.Buffers.Binary;
using Lessons.Runtime;

namespace Lessons.Tests.Runtime;

/// <summary>
/// Copies of TorchSharp's libLibTorchSharp.so in the state a fresh machine has them, whatever this machine's NuGet cache
/// holds (an earlier kit may have patched it in place long ago).
/// </summary>
static class WrapperFixture
{
    /// <summary>The wrapper as shipped in the NuGet package.</summary>
    public static string Packaged =>
        Path.Combine(LibTorchFiles.NuGetRoot, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", LibTorchFiles.Wrapper);

    /// <summary>A copy of the packaged wrapper in <paramref name="folder"/> whose GLIBCXX_3.4.32 requirement is strong, as shipped.</summary>
    public static string Unpatched(string folder)
    {
        Directory.CreateDirectory(folder);
        string copy = Path.Combine(folder, LibTorchFiles.Wrapper);
        File.Copy(Packaged, copy);
        var gcc13 = ElfVersionNeeds.Read(copy).Requirements.Single(r => r.Version == TorchRuntime.Gcc13Version);
        using var file = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite);
        Span<byte> flags = stackalloc byte[2];
        file.Position = gcc13.FlagsOffset;
        file.ReadExactly(flags);
        BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(flags) & ~2));
        file.Position = gcc13.FlagsOffset;
        file.Write(flags);
        return copy;
    }

    /// <summary>A stand-in for a libstdc++ that stops at GLIBCXX_3.4.30 (Debian 12): the kit only looks for version strings.</summary>
    public static string OldLibStdCxx(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "libstdc++.so.6");
        File.WriteAllText(path, "GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0");
        return path;
    }
}
