using System.Text.Json;

namespace Lessons.Cli.Commands;

/// <summary>
/// Which BLAS the PyTorch yardsticks run on. Debian's PyTorch is built with <c>BLAS_INFO=generic</c>: it calls whatever
/// <c>libblas.so.3</c> the system's alternatives point to, and with netlib's reference implementation every model ran
/// 2-2.5x slower than with OpenBLAS. A Python process like the yardsticks' imports torch, multiplies two matrices and
/// reports the BLAS libraries it actually mapped (/proc/self/maps, links resolved) and torch's own build information.
/// </summary>
sealed record PythonBlas(IReadOnlyList<string> Libraries, string? BlasInfo, string? TorchVersion)
{
    const string Probe = """
        import json, os, re, torch
        torch.ones(64, 64) @ torch.ones(64, 64)
        names = ("libblas", "openblas", "libmkl", "blis", "atlas")
        libs = sorted({os.path.realpath(line.split()[-1]) for line in open("/proc/self/maps")
                       if "/" in line and any(n in line.split()[-1] for n in names)})
        match = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
        print(json.dumps({"libraries": libs, "blas_info": match.group(1) if match else None, "torch": torch.__version__}))
        """;

    public static PythonBlas Detect()
    {
        using var json = JsonDocument.Parse(PyTorchReference.LastLine("(BLAS probe)", "-c", Probe));
        var root = json.RootElement;
        return new PythonBlas([.. root.GetProperty("libraries").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("blas_info").GetString(), root.GetProperty("torch").GetString());
    }

    /// <summary>True when the BLAS loaded is netlib's reference implementation (Debian's libblas3), not a tuned one.</summary>
    public bool IsNetlibReference => Name == "netlib reference BLAS";

    /// <summary>"OpenBLAS", "netlib reference BLAS", "MKL", "BLIS", "ATLAS", or the library's path.</summary>
    public string Name => Libraries.Count == 0 ? "no BLAS library mapped"
        : Libraries.Any(l => l.Contains("openblas", StringComparison.OrdinalIgnoreCase)) ? "OpenBLAS"
        : Libraries.Any(l => l.Contains("mkl", StringComparison.OrdinalIgnoreCase)) ? "MKL"
        : Libraries.Any(l => l.Contains("blis", StringComparison.OrdinalIgnoreCase)) ? "BLIS"
        : Libraries.Any(l => l.Contains("atlas", StringComparison.OrdinalIgnoreCase)) ? "ATLAS"
        : Libraries.Any(l => l.EndsWith("/blas/libblas.so.3", StringComparison.Ordinal)) ? "netlib reference BLAS"
        : Libraries[0];

    /// <summary>One line for the table's caption, e.g. "OpenBLAS (/usr/lib/.../libblas.so.3), torch 1.13.1 BLAS_INFO=generic".</summary>
    public override string ToString() =>
        $"{Name} ({string.Join(", ", Libraries)}), torch {TorchVersion} BLAS_INFO={BlasInfo ?? "?"}";
}
