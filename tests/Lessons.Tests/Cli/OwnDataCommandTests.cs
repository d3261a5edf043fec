using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Runtime;
using Lessons.Tests.Data;
using Lessons.Tests.Training;
using Lessons.Training;
using Spectre.Console;

namespace Lessons.Tests.Cli;

[Collection(SeededTorchCollection.Name)]
public sealed class OwnDataCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public OwnDataCommandTests() => TorchRuntime.EnsureReady();

    public void Dispose() => folder.Dispose();

    /// <summary>A small 3-class TSV whose classes each have their own words.</summary>
    private string ThreeClasses()
    {
        string[] names = ["cooking", "sailing", "chess"];
        string[][] words = [["oven", "flour", "salt"], ["wind", "sail", "harbour"], ["pawn", "bishop", "castle"]];
        var rows = Enumerable.Range(0, 60).Select(i => $"{names[i % 3]}\t{string.Join(' ', words[i % 3])} {i}");
        return folder.Write("hobbies.tsv", "label\ttext\n" + string.Join("\n", rows) + "\n");
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (oldOut, oldError, oldConsole) = (Console.Out, Console.Error, AnsiConsole.Console);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 1000; // one line each, so that a line can be matched whole
        AnsiConsole.Console = console;
        try
        {
            int exit = CommandRunner.Run(TrainCommand.Create(), args, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            AnsiConsole.Console = oldConsole;
        }
    }

    [Fact]
    public void Train_on_a_three_class_tsv_prints_its_class_names_and_saves_them_in_the_checkpoint()
    {
        var data = ThreeClasses();
        var save = Path.Combine(folder.Path, "checkpoint");

        var (exit, output, error) = Run("--data", data, "--epochs", "1", "--limit", "40", "--batch", "8", "--save", save);

        Assert.True(exit == 0, error);
        Assert.Contains("file hobbies.tsv (label column «label», text column «text»; 3 classes", output);
        Assert.Matches(@"per class at epoch \d+ \(test precision / recall\): chess [\d.]+ ?% / [\d.]+ ?%; cooking [\d.]+ ?% / [\d.]+ ?%; sailing", output);
        var (model, checkpoint) = Checkpoint.Load(save);
        using (model)
            Assert.Equal(["chess", "cooking", "sailing"], checkpoint.Classes);
    }

    [Fact]
    public void A_test_share_outside_zero_to_one_stops_at_parse_time()
    {
        var (exit, _, error) = Run("--data", ThreeClasses(), "--test-share", "1");

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal("--test-share must be in (0, 1) (got 1).", error.Trim());
    }

    [Fact]
    public void A_missing_label_column_is_one_line_naming_the_file_and_its_columns()
    {
        var data = ThreeClasses();

        var (exit, _, error) = Run("--data", data, "--label-column", "topic", "--epochs", "1");

        Assert.Equal(CommandRunner.Failed, exit);
        Assert.Equal($"{data}, line 1: there is no column «topic» (--label-column); the header's columns are: «label», «text»", error.Trim());
    }
}
