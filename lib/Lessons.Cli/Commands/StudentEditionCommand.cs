using System.CommandLine;
using Lessons.Editions;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons student-edition [--out DIR]`: writes the lesson notebooks for students (see <see cref="StudentEdition"/>):
/// outputs cleared, the cells tagged for students replaced by stubs with a TODO, the diagrams copied. Default folder:
/// student-edition/ at the repository's root (git-ignored).
/// </summary>
public static class StudentEditionCommand
{
    public const string DefaultFolder = "student-edition";

    /// <summary>The verb; what it reports goes to <paramref name="console"/> (default: the terminal).</summary>
    public static Command Create(IAnsiConsole? console = null)
    {
        var outDir = new Option<DirectoryInfo?>("--out")
        {
            Description = $"The folder to write (new, empty, or an earlier student edition, which is replaced). " +
                          $"Default: {DefaultFolder}/ at the repository's root.",
        };
        outDir.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            string folder = result.Tokens[^1].Value;
            if (StudentEdition.OutputProblem(folder) is { } problem)
                result.AddError($"--out: cannot write the student edition into {Path.GetFullPath(folder)}: {problem}.");
        });

        var command = new Command("student-edition",
            "Write the lesson notebooks for students: outputs cleared, the cells students write replaced by stubs with a TODO.")
        {
            outDir,
        };
        command.SetAction(parse =>
        {
            var (root, notebooks) = RepositoryNotebooks.Find();
            string output = parse.GetValue(outDir)?.FullName ?? Path.Combine(root, DefaultFolder);
            if (StudentEdition.OutputProblem(output) is { } problem)
                throw new UsageException($"--out: cannot write the student edition into {output}: {problem}.");

            var written = StudentEdition.Write(notebooks, output);
            var terminal = console ?? AnsiConsole.Console;
            terminal.MarkupLineInterpolated(
                $"[green]ok[/] {written.Notebooks.Count} notebooks, {written.Stubs} cells left for students to write, {written.Assets.Count} linked files copied");
            terminal.MarkupLineInterpolated($"   -> {written.Folder}");
            return 0;
        });
        return command;
    }
}
