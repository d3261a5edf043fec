using System.Text;

namespace Lessons.Runtime;

/// <summary>The C++ runtime (libstdc++) this process uses, and which symbol versions it provides.</summary>
public static class LibStdCxx
{
    static readonly string[] WellKnownPaths =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
    ];

    /// <summary>The libstdc++ mapped into this process (the .NET runtime loads it), else the first well-known path that exists.</summary>
    public static string? Path()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && line.Contains("libstdc++.so", StringComparison.Ordinal)) return line[slash..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return WellKnownPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>True when the library at <paramref name="path"/> defines the symbol version (for example GLIBCXX_3.4.32).</summary>
    public static bool Provides(string path, string version)
    {
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
    }
}
