using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Lessons.Runner;

/// <summary>
/// Builds the kernel a notebook runs in, set up like the dotnet-interactive tool's C# kernel: a composite kernel
/// with one C# kernel that understands <c>#r "nuget: ..."</c>, <c>#i</c>, <c>display(...)</c>, and loads the kernel
/// extensions of the packages it adds.
/// </summary>
public static class InteractiveKernel
{
    public const string CSharp = "csharp";

    static readonly Type[] PlainTypes =
    [
        typeof(string), typeof(char), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(Half),
        typeof(TimeSpan), typeof(DateTime), typeof(Guid),
    ];

    public static CompositeKernel Create(KernelExtensionLoader? extensions = null)
    {
        extensions ??= new KernelExtensionLoader();
        Formatter.ResetToDefault();
        // Strings and numbers as plain text, as Jupyter shows them (and GitHub's viewer), not as HTML with a style block.
        foreach (var type in PlainTypes) Formatter.SetPreferredMimeTypesFor(type, PlainTextFormatter.MimeType);
        var csharp = new CSharpKernel()
            .UseNugetDirective(async (kernel, packages) =>
            {
                // What the tool's host does on #r "nuget:": reference the packages' assemblies, then load their extensions.
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                await extensions.LoadAsync(kernel, packages);
            }, forceRestore: false)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel("root");
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = CSharp;
        return composite;
    }
}
