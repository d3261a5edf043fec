using System.CommandLine;
using Lessons.Batching;
using Lessons.Data;
using Lessons.Text;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>`lessons data`: loads the chosen AG News (downloading the full set if chosen and missing) and shows in one
/// line which data it is and how to switch, the rows and classes of each split, how long the texts are in tokens and
/// where they are cut.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var command = new Command("data",
            "Load AG News (or your own data) and show which data it is, rows and classes per split, and token-length statistics.");
        data.AddTo(command);
        command.SetAction(parse =>
            Run(parse.GetValue(data.Data), AnsiConsole.Console, Console.Error, data.OwnData(parse, seed: 0)));
        return command;
    }

    /// <summary>The options that choose the data, shared by every verb that reads it: <c>--data</c>, and for the
    /// user's own data <c>--label-column</c>, <c>--text-columns</c> and <c>--test-share</c> (see <see cref="OwnDataOptions"/>).</summary>
    public sealed class DataOptions
    {
        public Option<string?> Data { get; } = new("--data") { Description = DataOptionDescription };

        public Option<string?> LabelColumn { get; } = new("--label-column")
        {
            Description = "your own data: the column holding the class, by header name or index from 0 " +
                $"(default: {OwnDataOptions.DefaultLabelColumn}); choose every column by index to read a file without a header row",
        };

        public Option<string?> TextColumns { get; } = new("--text-columns")
        {
            Description = "your own data: the text columns, comma-separated, joined by spaces (default: every column but the label's)",
        };

        public Option<double> TestShare { get; } = new Option<double>("--test-share")
        {
            Description = "your own data in a single file: the share of each class held out for testing",
            DefaultValueFactory = _ => OwnDataOptions.DefaultTestShare,
        }.Require(v => v > 0 && v < 1, "in (0, 1)");

        public DataOptions()
        {
            Data.Validators.Add(result =>
            {
                if (result.Tokens.Count == 0) return;
                string given = result.Tokens[^1].Value;
                if (string.IsNullOrWhiteSpace(given))
                    result.AddError($"--data must be {AgNews.MiniChoice}, {AgNews.FullChoice}, a file or a folder (got {OptionChecks.Shown(given)}).");
                else if (!given.Equals(AgNews.MiniChoice, StringComparison.OrdinalIgnoreCase)
                    && !given.Equals(AgNews.FullChoice, StringComparison.OrdinalIgnoreCase) && !Path.Exists(given))
                    result.AddError($"--data: there is no file or folder {Path.GetFullPath(given)}; choose {AgNews.MiniChoice}, " +
                        $"{AgNews.FullChoice}, a CSV or TSV file, or a folder holding train and test files.");
            });
            LabelColumn.NotBlank("a column's header name or its index from 0");
            TextColumns.Require(v => v is not null && v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Length > 0,
                "one or more columns (header names or indices from 0), comma-separated");
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Data, LabelColumn, TextColumns, TestShare })
                command.Options.Add(option);
        }

        /// <summary>The own-data choices of <paramref name="parse"/>; <paramref name="seed"/> seeds a single file's split.</summary>
        public OwnDataOptions OwnData(ParseResult parse, int seed) => new(
            parse.GetValue(LabelColumn),
            parse.GetValue(TextColumns) is { } texts
                ? texts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : null,
            parse.GetValue(TestShare),
            seed);
    }

    /// <summary>What `--data` takes, for every verb that has it.</summary>
    public const string DataOptionDescription =
        $"{AgNews.MiniChoice} (the split shipped with the kit), {AgNews.FullChoice} (all of AG News, downloaded once into data/ag_news) " +
        $"or a folder holding train.csv and test.csv (default: env {AgNews.DataVariable}, else {AgNews.MiniChoice}); " +
        $"or your own data: a CSV or TSV file (split into train and test) or a folder holding train.tsv and test.tsv";

    /// <summary>Loads the data chosen by <paramref name="choice"/> and <paramref name="ownData"/> (see
    /// <see cref="OwnData.Load"/>) and shows it on <paramref name="console"/>; bad or missing data goes to
    /// <paramref name="errors"/> with exit code 1.</summary>
    public static int Run(string? choice, IAnsiConsole console, TextWriter errors, OwnDataOptions? ownData = null) =>
        CommandRunner.Guard(errors, () =>
        {
            Show(LoadWithProgress(choice, ownData ?? new OwnDataOptions(), console), console);
            return 0;
        });

    private static TextClassificationData LoadWithProgress(string? choice, OwnDataOptions ownData, IAnsiConsole console)
    {
        TextClassificationData? data = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .Start(context => data = OwnData.Load(choice, ownData, new ProgressTasks(context)));
        return data!;
    }

    /// <summary>The most class columns the table of rows per class shows: more would not fit a line (and 40,000
    /// overflowed the table's layout).</summary>
    internal const int ShownClasses = 8;

    private static void Show(TextClassificationData data, IAnsiConsole console)
    {
        var lines = console.Profile.Out.Writer; // unwrapped: one line each, whatever the console's width
        lines.WriteLine(data.InUse);

        // A column per class up to ShownClasses; the rest share one column that says how many classes it holds.
        int shown = data.Classes.Count <= ShownClasses ? data.Classes.Count : ShownClasses - 1, rest = data.Classes.Count - shown;
        var classes = new Table().Title("Rows per class");
        classes.AddColumn("split");
        classes.AddColumn(new TableColumn("rows").RightAligned());
        foreach (var name in data.Classes.Take(shown)) classes.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        if (rest > 0) classes.AddColumn(new TableColumn($"{rest:N0} more classes").RightAligned());
        foreach (var (name, split) in new[] { ("train", data.Train), ("test", data.Test) })
        {
            var counts = new int[shown + 1];
            foreach (var item in split) counts[Math.Min(item.Label, shown)]++;
            classes.AddRow([name, $"{split.Count:N0}", .. counts.Take(rest > 0 ? shown + 1 : shown).Select(c => $"{c:N0}")]);
        }
        console.Write(classes);
        if (rest > 0)
            lines.WriteLine($"{rest:N0} of the {data.Classes.Count:N0} classes are not shown one by one; their rows are counted in the last column.");

        var lengths = new Table().Title("Tokens per text (basic_english)");
        foreach (var column in new[] { "split", "tokens", "min", "mean", "median", "p95", "max" })
            lengths.AddColumn(column == "split" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        int longest = 0;
        foreach (var (name, split) in new[] { ("train", data.Train), ("test", data.Test) })
        {
            var s = TokenLengthStatistics.Of(split);
            lengths.AddRow(name, $"{s.Tokens:N0}", $"{s.Min}", $"{s.Mean:F1}", $"{s.Median}", $"{s.P95}", $"{s.Max}");
            longest = Math.Max(longest, s.Max);
        }
        console.Write(lengths);

        int cut = longest <= ExampleEncoder.DefaultMaxTokens ? 0 : data.Train.Concat(data.Test).Count(i => BasicEnglishTokenizer.CountTokens(i.Text) > ExampleEncoder.DefaultMaxTokens);
        lines.WriteLine(
            $"Training cuts each text to {ExampleEncoder.DefaultMaxTokens} tokens (lessons train --max-tokens N); the longest here has " +
            $"{longest:N0}, so {(cut == 0 ? "none is cut" : $"{cut:N0} {(cut == 1 ? "text is" : "texts are")} cut")}.");
    }

    /// <summary>Shows each file's download as a progress bar.</summary>
    private sealed class ProgressTasks(ProgressContext context) : IProgress<DownloadProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];

        public void Report(DownloadProgress value)
        {
            if (!tasks.TryGetValue(value.File, out var task))
                tasks[value.File] = task = context.AddTask($"download {Markup.Escape(value.File)}", maxValue: value.TotalBytes ?? 1);
            if (value.TotalBytes is { } total) task.MaxValue = total;
            task.Value = value.BytesReceived;
            context.Refresh();
        }
    }
}
