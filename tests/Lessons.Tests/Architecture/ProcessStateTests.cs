using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lessons.Tests.Architecture;

/// <summary>
/// The console, the environment and the working directory belong to the whole test process, and the in-process
/// notebook kernels use all three (a cell's output goes through Console.Out). A test class that swaps the console while
/// a parallel test runs a kernel takes that kernel's output, and the kernel's test loses it (two tests failed that way
/// in CI): every class that changes them runs in a collection that is never parallel.
/// </summary>
public sealed class ProcessStateTests
{
    /// <summary>The calls that change what every thread of the process sees.</summary>
    static readonly string[] ProcessWide =
        ["Console.SetOut", "Console.SetError", "Environment.SetEnvironmentVariable", "Directory.SetCurrentDirectory"];

    static readonly string Tests = Path.Combine(TestRepository.Root, "tests", "Lessons.Tests");

    [Fact]
    public void A_class_that_changes_the_console_environment_or_directory_runs_in_a_collection_that_is_never_parallel()
    {
        var changers = ChangingClasses().ToList();
        Assert.Contains(changers, c => c.Type == typeof(Runner.KitTests));   // the search finds what it is meant to find

        var parallel = changers.Where(c => !NeverParallel(c.Type))
            .Select(c => $"{c.Where}: {c.Type.Name} calls {c.Call} outside a collection with DisableParallelization").ToList();
        Assert.True(parallel.Count == 0, string.Join('\n', parallel));
    }

    /// <summary>Each class of the test sources that calls one of <see cref="ProcessWide"/>, with the first such call and its file and line.</summary>
    static IEnumerable<(Type Type, string Call, string Where)> ChangingClasses()
    {
        var assembly = typeof(ProcessStateTests).Assembly;
        foreach (string file in Directory.GetFiles(Tests, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (TestRepository.IsBuildOutput(Tests, file)) continue;
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
            var changes = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => ProcessWide.Contains(call.Expression.ToString()));
            foreach (var group in changes.GroupBy(call => call.Ancestors().OfType<ClassDeclarationSyntax>().Last()))
            {
                var declaration = group.Key;
                string ns = declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().First().Name.ToString();
                var type = assembly.GetType($"{ns}.{declaration.Identifier.Text}")
                    ?? throw new InvalidOperationException($"{file}: no type {ns}.{declaration.Identifier.Text} in the test assembly");
                int line = group.First().GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                yield return (type, group.First().Expression.ToString(), $"{Path.GetRelativePath(Tests, file)}:{line}");
            }
        }
    }

    /// <summary>Whether the class's [Collection] names a [CollectionDefinition] with DisableParallelization = true.</summary>
    static bool NeverParallel(Type type)
    {
        string? name = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(CollectionAttribute))?
            .ConstructorArguments[0].Value as string;
        return name is not null && type.Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributesData().Where(a => a.AttributeType == typeof(CollectionDefinitionAttribute)))
            .Any(d => d.ConstructorArguments.Count == 1 && d.ConstructorArguments[0].Value as string == name &&
                d.NamedArguments.Any(a => a.MemberName == nameof(CollectionDefinitionAttribute.DisableParallelization) && a.TypedValue.Value is true));
    }
}
