using System.CommandLine;
using Lessons.Editions;
using Lessons.Runner;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons sync-edition [--language tr]`: carries the English notebooks' code into an edition in another language
/// (see <see cref="NotebookEditions.Sync"/>): a code cell whose code changed in English is copied, outputs cleared until
/// the next run, and named with the English strings it now holds, for a translator; a cell that differs only in its
/// translated strings is kept; tags are copied and the prose kept. A notebook whose cells no longer line up (a cell
/// added or removed in English) is named with its first such cell, for a translator to add the prose; the others are
/// still synced. The editions are the folders notebooks/LANGUAGE/ there are.
/// </summary>
public static class SyncEditionCommand
{
    /// <summary>The verb; what it reports goes to <paramref name="console"/> (default: the terminal).</summary>
    public static Command Create(IAnsiConsole? console = null)
    {
        var editions = Editions();
        var language = new Option<string>("--language")
        {
            Description = $"The edition to sync, a folder notebooks/LANGUAGE/: {string.Join(", ", editions)}.",
            DefaultValueFactory = _ => editions.FirstOrDefault() ?? "",
        };
        language.Validators.Add(result =>
        {
            // Outside the repository there is no edition to check against: the verb itself says so.
            if (result.Tokens.Count > 0 && editions.Count > 0 && !editions.Contains(result.Tokens[^1].Value))
                result.AddError($"--language: the kit has no \"{result.Tokens[^1].Value}\" edition; its editions are " +
                                $"{string.Join(", ", editions)}.");
        });

        var command = new Command("sync-edition",
            "Copy the English notebooks' code cells into a translated edition (notebooks/LANGUAGE/), keeping its prose.")
        {
            language,
        };
        command.SetAction(parse =>
        {
            var (_, notebooks) = RepositoryNotebooks.Find();
            string code = parse.GetValue(language)!;
            var terminal = console ?? AnsiConsole.Console;
            int synced = 0;
            var problems = new List<string>();
            var toTranslate = new List<string>();
            foreach (string notebook in NotebookEditions.English(notebooks))
            {
                string name = $"{code}/{notebook}";
                string translated = Path.Combine(notebooks, code, notebook);
                if (!File.Exists(translated))
                {
                    problems.Add($"{name}: missing; translate notebooks/{notebook} into it");
                    continue;
                }
                try
                {
                    // A malformed notebook is named (InvalidDataException below); the others are still synced.
                    string english = File.ReadAllText(Path.Combine(notebooks, notebook)), edition = File.ReadAllText(translated);
                    if (NotebookEditions.Sync(name, english, edition, code, toTranslate) is not { } json) continue;
                    NotebookFile.WriteJson(translated, json);
                    terminal.MarkupLineInterpolated($"[green]synced[/] {name}");
                    synced++;
                }
                catch (InvalidDataException e)
                {
                    problems.Add(e.Message);
                }
            }
            foreach (string cell in toTranslate) terminal.MarkupLineInterpolated($"[yellow]translate[/] {cell}");
            foreach (string problem in problems) terminal.MarkupLineInterpolated($"[red]✗[/] {problem}");
            terminal.MarkupLineInterpolated(
                $"{synced} synced, {toTranslate.Count} cell(s) to translate, {problems.Count} notebook(s) need a translator.");
            terminal.MarkupLine("Re-run the synced notebooks to refresh their outputs.");
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The editions of the repository the verb runs in (none outside one).</summary>
    static IReadOnlyList<string> Editions()
    {
        try
        {
            return NotebookEditions.Languages(RepositoryNotebooks.Find().Notebooks);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }
}
