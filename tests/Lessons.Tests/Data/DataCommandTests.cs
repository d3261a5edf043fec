using Lessons.Cli.Commands;
using Spectre.Console;

namespace Lessons.Tests.Data;

public class DataCommandTests
{
    internal static (int Exit, string Output, string Errors) Run(string choice)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        var errors = new StringWriter();
        int exit = DataCommand.Run(choice, console, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Shows_the_data_in_use_the_classes_the_token_lengths_and_the_cap()
    {
        var (exit, output, errors) = Run("mini");

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.StartsWith(
            "Data: AG News mini split (data/ag_news-mini, shipped with the kit); " +
            "for the full AG News (120,000 rows, a 31 MB download) set LESSONS_DATA=full or pass --data full\n", output);
        Assert.DoesNotContain(Path.GetDirectoryName(SharedData.Folder)!, output); // no path of this machine
        Assert.Contains("Training cuts each text to 512 tokens (lessons train --max-tokens N); the longest here has 161, so none is cut.", output);
        Assert.Matches(@"train\s*│\s*6,080\s*│\s*1,520\s*│\s*1,520\s*│\s*1,520\s*│\s*1,520", output);
        Assert.Matches(@"test\s*│\s*1,520\s*│\s*380\s*│\s*380\s*│\s*380\s*│\s*380", output);
        // basic_english's token counts for the mini split, HTML escapes decoded (torchtext's code over the decoded rows, see
        // BasicEnglishTokenizerTests): 258,116 and 64,839 tokens; min 12/15, median 42, p95 60, max 161/158. On the
        // published bytes torchtext counts 261,297 and 65,773.
        Assert.Matches(@"train\s*│\s*258,116\s*│\s*12\s*│\s*42\.5\s*│\s*42\s*│\s*60\s*│\s*161", output);
        Assert.Matches(@"test\s*│\s*64,839\s*│\s*15\s*│\s*42\.7\s*│\s*42\s*│\s*60\s*│\s*158", output);
    }

    [Fact]
    public void Puts_a_bad_row_on_stderr_and_exits_non_zero()
    {
        using var folder = new TempFolder();
        folder.Write("train.csv", "\"1\",\"a\",\"b\"\n\"2\",\"a\"\n");
        folder.Write("test.csv", "\"1\",\"a\",\"b\"\n");

        var (exit, _, errors) = Run(folder.Path);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{folder.File("train.csv")}, line 2: expected 3 fields", errors);
    }

    [Fact]
    public void Puts_a_missing_file_on_stderr_and_exits_non_zero()
    {
        using var folder = new TempFolder();

        var (exit, _, errors) = Run(folder.Path);

        Assert.Equal(1, exit);
        Assert.StartsWith($"The folder {folder.Path} (given as argument) has no train.csv and no test.csv.", errors);
    }
}
