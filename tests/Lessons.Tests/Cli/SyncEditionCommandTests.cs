using Lessons.Cli;
using Lessons.Cli.Commands;
using Spectre.Console;

namespace Lessons.Tests.Cli;

/// <summary>`lessons sync-edition`: an edition the kit does not have is refused in one line before any work.</summary>
public sealed class SyncEditionCommandTests
{
    [Fact]
    public void A_language_without_an_edition_is_refused_in_one_line_naming_the_editions()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });

        int exit = CommandRunner.Run(SyncEditionCommand.Create(console), ["--language", "de"], error);

        Assert.Equal(CommandRunner.BadUsage, exit);
        string line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.Equal("--language: the kit has no \"de\" edition; its editions are tr.", line);
        Assert.Empty(output.ToString());
    }
}
