using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lessons.Tests.Architecture;

/// <summary>One file of the core library naming a namespace of another core folder (by a using or in its code).</summary>
sealed record FolderUse(string File, string Folder, string Namespace, string UsedFolder);

/// <summary>
/// Which core folders each file of lib/Lessons uses. In namespace Lessons.X a name reaches another folder's namespace
/// only through a using (plain, static or alias) or a name qualified with it (Lessons.Y.T, global::Lessons.Y.T, or Y.T
/// from inside Lessons): so every identifier that starts such a qualification, or follows "Lessons.", is bound with
/// Roslyn, and one that means a namespace Lessons.Y[.Z] is a use of folder Y. Names in documentation comments do not
/// count.
/// </summary>
static class CoreFolderUses
{
    public static string Core { get; } = Path.Combine(TestRepository.Root, "lib", "Lessons");

    /// <summary>The folder of a file under <see cref="Core"/> ("Models" for Models/Kernels/X.cs).</summary>
    public static string FolderOf(string file) => Path.GetRelativePath(Core, file).Split(Path.DirectorySeparatorChar)[0];

    /// <summary>The core folder a namespace belongs to, or null when it is not one of the core's.</summary>
    public static string? FolderOf(INamespaceSymbol ns)
    {
        string name = ns.ToDisplayString();
        return name.StartsWith("Lessons.", StringComparison.Ordinal) ? name.Split('.')[1] : null;
    }

    /// <summary>Every use of another core folder in <paramref name="sources"/> (paths under <see cref="Core"/>, and their text).</summary>
    public static List<FolderUse> In(IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.Path)).ToList();
        // The SDK's implicit usings (ImplicitUsings=enable in Directory.Build.props).
        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(
            new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" }
                .Select(n => $"global using global::{n};\n"))));
        var compilation = CSharpCompilation.Create("LayeringCheck", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // A namespace of folder Y is named with the identifier Y: only those are bound, the rest need no look-up.
        var folders = trees.Where(t => t.FilePath.Length > 0).Select(t => FolderOf(t.FilePath)).ToHashSet(StringComparer.Ordinal);
        var uses = new List<FolderUse>();
        foreach (var tree in trees.Where(t => t.FilePath.Length > 0))
        {
            var model = compilation.GetSemanticModel(tree);
            string folder = FolderOf(tree.FilePath);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => folders.Contains(n.Identifier.Text) && StartsAQualification(n)))
            {
                var info = model.GetSymbolInfo(name);
                if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not INamespaceSymbol ns) continue;
                if (FolderOf(ns) is not { } used || used == folder) continue;
                uses.Add(new FolderUse(Path.GetRelativePath(Core, tree.FilePath).Replace('\\', '/'), folder, ns.ToDisplayString(), used));
            }
        }
        return uses.Distinct().ToList();
    }

    /// <summary>The first part of a qualified name or member access (Y in Y.T), or the part after "Lessons." there.</summary>
    static bool StartsAQualification(IdentifierNameSyntax name) => name.Parent switch
    {
        QualifiedNameSyntax q when q.Left == name => true,
        QualifiedNameSyntax q => IsLessons(q.Left),
        MemberAccessExpressionSyntax m when m.Expression == name => true,
        MemberAccessExpressionSyntax m => IsLessons(m.Expression),
        AliasQualifiedNameSyntax => true,
        UsingDirectiveSyntax => true,
        _ => false,
    };

    static bool IsLessons(SyntaxNode node) => node is IdentifierNameSyntax { Identifier.Text: "Lessons" } or
        AliasQualifiedNameSyntax { Name.Identifier.Text: "Lessons" };

    /// <summary>What the test host loads from (the framework and the packages), without the kit's own assemblies.</summary>
    static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(f => !Path.GetFileName(f).StartsWith("Lessons", StringComparison.Ordinal))
            .Select(f => MetadataReference.CreateFromFile(f));
}
