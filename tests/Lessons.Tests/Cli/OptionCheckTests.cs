using Lessons.Cli;
using Lessons.Cli.Commands;
using Lessons.Models;
using Lessons.Tests.Data;
using Lessons.Tests.Runner;
using Lessons.Training;

namespace Lessons.Tests.Cli;

/// <summary>Options out of range stop a verb at parse time: one line naming the option and the range, exit code 2, no work done.</summary>
[Collection(ConsoleCollection.Name)]   // swaps Console.Out
public sealed class OptionCheckTests : IDisposable
{
    readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>An empty folder: a --data that passes the parse-time check and then fails the load, had work started.</summary>
    string NoDataHere => Directory.CreateDirectory(Path.Combine(temp.Path, "no-data-here")).FullName;

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
    [InlineData("--batch", "0", "--batch must be between 1 and 65536 (got 0).")]
    [InlineData("--dropout", "1.5", "--dropout must be in [0, 1) (got 1.5).")]
    [InlineData("--limit", "0", "--limit must be at least 1 (got 0).")]
    [InlineData("--hidden", "100000", "--hidden must be between 1 and 4096 (got 100000).")]
    [InlineData("--hidden", "4097", "--hidden must be between 1 and 4096 (got 4097).")]
    [InlineData("--embed", "2147483647", "--embed must be between 1 and 4096 (got 2147483647).")]
    [InlineData("--layers", "17", "--layers must be between 1 and 16 (got 17).")]
    [InlineData("--layers", "2147483647", "--layers must be between 1 and 16 (got 2147483647).")]
    [InlineData("--batch", "2147483647", "--batch must be between 1 and 65536 (got 2147483647).")]
    [InlineData("--label-column", "", "--label-column must be a column's header name or its index from 0 (got \"\").")]
    [InlineData("--text-columns", ",,", "--text-columns must be one or more columns (header names or indices from 0), comma-separated (got ,,).")]
    // Model sizes stop where the checkpoint reader stops (ModelLimits); --batch where the sampler's arithmetic is safe.
    public void Train_refuses_a_value_out_of_range_before_any_work(string option, string value, string message)
    {
        var (exit, output, error) = Run(TrainCommand.Create(), "--data", NoDataHere, option, value);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal(message, error.Trim());
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("data", "nonexistent.csv", "--data: there is no file or folder {0}; choose mini, full, a CSV or TSV file, or a folder holding train and test files.")]
    [InlineData("train", "nonexistent.csv", "--data: there is no file or folder {0}; choose mini, full, a CSV or TSV file, or a folder holding train and test files.")]
    [InlineData("train", "", "--data must be mini, full, a file or a folder (got \"\").")]
    public void A_data_path_that_is_empty_or_does_not_exist_is_named_with_the_option(string verb, string name, string message)
    {
        string given = name.Length == 0 ? "" : Path.Combine(temp.Path, name);

        var (exit, output, error) = Run(verb == "data" ? DataCommand.Create() : TrainCommand.Create(), "--data", given);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, given), error.Trim());
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--only", "", "--only must be one or more of RNN, LSTM, packed LSTM, bidirectional LSTM, 2-layer LSTM, GRU, comma-separated (got \"\").")]
    [InlineData("--only", "LSTM,nope", "--only must be one or more of RNN, LSTM, packed LSTM, bidirectional LSTM, 2-layer LSTM, GRU, comma-separated (got LSTM,nope).")]
    [InlineData("--reference-threads", "2147483647", "--reference-threads must be between 1 and {0} (got 2147483647).")]
    public void Bench_refuses_what_it_cannot_run_at_parse_time(string option, string value, string message)
    {
        var (exit, output, error) = Run(BenchCommand.Create(), option, value);

        Assert.Equal(CommandRunner.BadUsage, exit);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Environment.ProcessorCount), error.Trim());
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
        var (exit, output, error) = Run(TrainCommand.Create(), "--save", Unwritable, "--data", NoDataHere);

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
