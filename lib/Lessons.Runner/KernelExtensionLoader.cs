using System.Reflection;
using Microsoft.DotNet.Interactive;

namespace Lessons.Runner;

/// <summary>
/// Loads the kernel extensions that NuGet packages carry in <c>interactive-extensions/dotnet/*.dll</c> (how
/// Microsoft.Data.Analysis registers its DataFrame formatter). The dotnet-interactive tool does this in its own host;
/// an in-process kernel does not, so the runner calls this for every package a <c>#r "nuget:..."</c> resolves.
/// </summary>
public sealed class KernelExtensionLoader
{
    readonly HashSet<string> loaded = new(StringComparer.Ordinal);

    /// <summary>Extension assemblies loaded so far (full paths).</summary>
    public IReadOnlyCollection<string> Loaded => loaded;

    /// <summary>Loads every not-yet-loaded extension of the given packages into <paramref name="kernel"/>'s root kernel.</summary>
    public async Task LoadAsync(Kernel kernel, IEnumerable<ResolvedPackageReference> packages)
    {
        foreach (var package in packages)
        {
            if (string.IsNullOrEmpty(package.PackageRoot)) continue;
            string folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder)) continue;
            foreach (string dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                if (!loaded.Add(Path.GetFullPath(dll))) continue;
                await LoadAssemblyAsync(kernel.RootKernel, dll, package);
            }
        }
    }

    static async Task LoadAssemblyAsync(Kernel kernel, string dll, ResolvedPackageReference package)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(dll);
        }
        catch (Exception e)
        {
            throw new KernelExtensionLoadException(
                new InvalidOperationException($"{package.PackageName} {package.PackageVersion}: cannot load kernel extension {dll}: {e.Message}", e));
        }
        var types = assembly.GetExportedTypes()
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var extension = (IKernelExtension)Activator.CreateInstance(type)!;
            await extension.OnLoadAsync(kernel);
        }
    }
}
