using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Tests.Data;

namespace Lessons.Tests.Cli;

/// <summary>Options out of range stop a verb at parse time: one line naming the option and the range, exit code 2, no work done.</summary>
public sealed class OptionCheckTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A path that can never be written, even by root: a folder inside a regular file.</summary>
    string Unwritable => Path.Combine(temp.Write("a-file", ""), "out");

    static (int Exit, string Out, string Error) Run(System.CommandLine.Command command, params string[] args)
    {
        var oldOut = Console.Out;
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        try
        {
            int exit = CommandRunner.Run(command, args, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
        }
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs must be at least 1 (got 0).")]
    [InlineData("--epochs", "-1", "--epochs must be at least 1 (got -1).")]
    [InlineData("--lr", "nan", "--lr must be a finite number above 0 (got nan).")]
    [InlineData("--lr", "-1", "--lr must be a finite number above 0 (got -1).")]
    [InlineData("--weight-decay", "-1", "--weight-decay must be a finite number of 0 or more (got -1).")]
    [InlineData("--label-smoothing", "2", "--label-smoothing must be in [0, 1) (got 2).")]
    [InlineData("--batch", "0", "--batch must be at least 1 (got 0).")]
    [InlineData("--dropout", "1.5", "--dropout must be in [0, 1) (got 1.5).")]
    [InlineData("--limit", "0", "--limit must be at least 1 (got 0).")]
    public void Train_refuses_a_value_out_of_range_before_any_work(string option, string value, string message)
    {
        var (exit, output, error) = Run(TrainCommand.Create(), "--data", Path.Combine(temp.Path, "no-data-here"), option, value);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal(message, error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public void Train_refuses_more_threads_than_cores()
    {
        var (exit, _, error) = Run(TrainCommand.Create(), "--threads", "999");

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal($"--threads must be between 0 and {Environment.ProcessorCount} (got 999).", error.Trim());
    }

    [Fact]
    public void A_save_target_that_cannot_be_written_is_found_before_training()
    {
        var (exit, output, error) = Run(TrainCommand.Create(), "--save", Unwritable, "--data", Path.Combine(temp.Path, "no-data-here"));

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.StartsWith($"--save: {Unwritable}: cannot write a checkpoint here", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Empty(output);
    }

    [Fact]
    public void A_report_folder_that_cannot_be_written_is_found_before_training()
    {
        var (exit, _, error) = Run(TrainCommand.Create(), "--report", Unwritable);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.StartsWith($"--report: cannot write into {Unwritable}", error);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    public void Run_refuses_an_output_folder_it_cannot_write_before_running_a_cell(string option)
    {
        string notebook = temp.Write("one.ipynb", "{}");

        var (exit, output, error) = Run(RunCommand.Create(), notebook, option, Unwritable);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.StartsWith($"{option}: cannot write into {Unwritable}", error);
        Assert.Empty(output);
    }

    [Fact]
    public void Run_refuses_a_negative_timeout_and_a_missing_notebook()
    {
        string missing = Path.Combine(temp.Path, "missing.ipynb");

        var (exit, _, error) = Run(RunCommand.Create(), missing, "--timeout", "-1");

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal([$"No notebook or folder at {missing}.", "--timeout must be a finite number of seconds, 0 or more (got -1)."],
            error.Trim().Split(Environment.NewLine).Order(StringComparer.Ordinal).Reverse());
    }
}
