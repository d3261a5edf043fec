namespace Lessons.Tests.Architecture;

/// <summary>
/// Who may use whom. Projects: the notebook layer and the CLI use the core; the core uses neither them nor a notebook
/// host; the runner references no library code; the editions reference the runner (its one notebook-JSON reader and
/// writer) and no library code. Inside the core, a folder uses only the folders before it in
/// <see cref="Order"/>.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>
    /// The core's folders, each allowed to use only those before it. Localization (the kit's words per language, the
    /// current language) uses no other folder, and Data, Models, Training, Inspection and Charts speak through it.
    /// </summary>
    static readonly string[] Order = ["Runtime", "Localization", "Text", "Data", "Batching", "Models", "Training", "Inspection", "Charts"];

    static readonly Lazy<string[]> Sources = new(() => Directory.GetFiles(CoreFolderUses.Core, "*.cs", SearchOption.AllDirectories)
        .Where(f => !TestRepository.IsBuildOutput(CoreFolderUses.Core, f) && CoreFolderUses.FolderOf(f) != "Properties").Order(StringComparer.Ordinal).ToArray());

    [Fact]
    public void Every_core_folder_has_its_place_in_the_order()
    {
        var folders = Sources.Value.Select(CoreFolderUses.FolderOf).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Order.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Every_core_file_declares_its_folders_namespace()
    {
        var misplaced = Sources.Value
            .Select(f => (File: Path.GetRelativePath(CoreFolderUses.Core, f), Folder: CoreFolderUses.FolderOf(f),
                Namespace: File.ReadLines(f).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))))
            .Where(f => f.Namespace != $"namespace Lessons.{f.Folder};" &&
                f.Namespace?.StartsWith($"namespace Lessons.{f.Folder}.", StringComparison.Ordinal) != true)
            .Select(f => $"{f.File}: {f.Namespace ?? "no namespace"}");
        Assert.Empty(misplaced);
    }

    [Fact]
    public void A_core_folder_uses_only_the_folders_before_it()
    {
        var backwards = CoreFolderUses.In(Read(Sources.Value)).Where(u => Array.IndexOf(Order, u.UsedFolder) > Array.IndexOf(Order, u.Folder))
            .Select(u => $"lib/Lessons/{u.File} uses {u.Namespace}: {u.Folder}/ may use {Allowed(u.Folder)}")
            .ToList();
        Assert.True(backwards.Count == 0, string.Join(Environment.NewLine, backwards));
    }

    [Fact]
    public void A_folder_that_uses_a_later_one_is_named_with_the_file_and_the_namespace()
    {
        // Files that are not on disk: Text/Probe.cs naming a type of Training/ in its code, and Inspection/ by a using.
        string Under(string file) => Path.Combine(CoreFolderUses.Core, file);
        const string probe = "using Lessons.Inspection;\nnamespace Lessons.Text;\nstatic class Probe { static System.Type Made() => typeof(Lessons.Training.History); }\n";

        var uses = CoreFolderUses.In([
            (Under("Text/Probe.cs"), probe),
            (Under("Training/History.cs"), "namespace Lessons.Training;\nclass History;\n"),
            (Under("Inspection/Statistic.cs"), "namespace Lessons.Inspection;\nclass Statistic;\n"),
        ]);

        Assert.Equal([new("Text/Probe.cs", "Text", "Lessons.Inspection", "Inspection"), new("Text/Probe.cs", "Text", "Lessons.Training", "Training")],
            uses.OrderBy(u => u.Namespace, StringComparer.Ordinal));
    }

    [Fact]
    public void The_core_references_no_notebook_host_and_no_outer_project()
    {
        Assert.DoesNotContain(References(typeof(Lessons.Charts.ChartFiles)), name =>
            name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) ||
            name is "Lessons.Notebooks" or "Lessons.Cli" or "Lessons.Runner" or "Lessons.Editions");
        Assert.DoesNotContain(References(typeof(Lessons.Notebooks.Kit)), name => name is "Lessons.Cli" or "Lessons.Runner" or "Lessons.Editions");
    }

    [Fact]
    public void The_runner_references_no_library_code()
    {
        Assert.DoesNotContain(References(typeof(Lessons.Runner.NotebookRunner)), name => name.StartsWith("Lessons", StringComparison.Ordinal));
    }

    [Fact]
    public void The_editions_reference_the_runner_and_no_library_code()
    {
        Assert.Equal(["Lessons.Runner"], References(typeof(Lessons.Editions.StudentEdition)).Where(name => name.StartsWith("Lessons", StringComparison.Ordinal)));
    }

    static string Allowed(string folder) => Order.TakeWhile(f => f != folder).ToList() is { Count: > 0 } before
        ? "only " + string.Join(", ", before)
        : "no other core folder";

    static IEnumerable<(string Path, string Text)> Read(string[] files) => files.Select(f => (f, File.ReadAllText(f)));

    static IEnumerable<string> References(Type type) => type.Assembly.GetReferencedAssemblies().Select(a => a.Name!);
}
