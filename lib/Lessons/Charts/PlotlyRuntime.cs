using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Lessons.Charts;

/// <summary>
/// Makes Plotly.NET load inside hosts that already carry an older FSharp.Core.
/// Plotly.NET 6 is compiled against FSharp.Core 10.1, while the .NET Interactive kernels (VS Code Polyglot
/// notebooks, Jupyter) load FSharp.Core 10.0 into the default load context before any notebook code runs.
/// The runtime cannot load a second FSharp.Core beside it, so the first chart would fail with
/// "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". <see cref="Prepare"/> installs a
/// resolver that hands back the FSharp.Core already loaded (same major version: the parts Plotly.NET uses
/// are there). It runs by itself when this library is loaded (module initializer) and may be called again
/// (for instance by the notebook kit's first cell); only the first call does anything.
/// </summary>
public static class PlotlyRuntime
{
    const string FSharpCore = "FSharp.Core";
    static int prepared;

    /// <summary>True once the resolver is installed.</summary>
    public static bool IsPrepared => Volatile.Read(ref prepared) == 1;

    /// <summary>
    /// Install the FSharp.Core resolver. Touches no Plotly type, so it is safe to call before any chart exists.
    /// </summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref prepared, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (_, name) => LoadedFSharpCoreFor(name);
        // Hosts that load libraries into their own load contexts end up here when the default context failed.
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => LoadedFSharpCoreFor(new AssemblyName(args.Name));
    }

    /// <summary>
    /// For a request of FSharp.Core that the runtime could not satisfy, the FSharp.Core already loaded with the
    /// same major version (the newest, if several are); null for any other request.
    /// </summary>
    public static Assembly? LoadedFSharpCoreFor(AssemblyName requested)
    {
        if (!string.Equals(requested.Name, FSharpCore, StringComparison.Ordinal)) return null;
        Assembly? best = null;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName();
            if (!string.Equals(name.Name, FSharpCore, StringComparison.Ordinal)) continue;
            if (requested.Version is { } wanted && name.Version is { } have && have.Major != wanted.Major) continue;
            if (best is null || name.Version > best.GetName().Version) best = assembly;
        }
        return best;
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The resolver must exist before any Plotly type is loaded; it only answers FSharp.Core requests the runtime failed.")]
    internal static void OnLibraryLoad() => Prepare();
}
