using System.CommandLine;
using Lessons.Data;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>`lessons data`: finds (or downloads) AG News and shows where it came from, the rows and classes of each
/// split and how long the texts are in tokens.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var dataOption = new Option<DirectoryInfo?>("--data")
        {
            Description = $"A folder holding train.csv and test.csv (default: env {AgNews.DataVariable}, then the cache data/ag_news, then a download).",
        };
        var command = new Command("data", "Load AG News and show its source, rows and classes per split, and token-length statistics.");
        command.Options.Add(dataOption);
        command.SetAction(parseResult => Run(parseResult.GetValue(dataOption)?.FullName, AnsiConsole.Console, Console.Error));
        return command;
    }

    /// <summary>Loads AG News from <paramref name="folder"/> (or the usual places) and shows it on
    /// <paramref name="console"/>; bad or missing data goes to <paramref name="errors"/> with exit code 1.</summary>
    public static int Run(string? folder, IAnsiConsole console, TextWriter errors) => CommandRunner.Guard(errors, () =>
    {
        Show(LoadWithProgress(folder, console), console);
        return 0;
    });

    private static AgNewsData LoadWithProgress(string? folder, IAnsiConsole console)
    {
        AgNewsData? data = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .Start(context => data = AgNews.Load(folder, new ProgressTasks(context)));
        return data!;
    }

    private static void Show(AgNewsData data, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]Source:[/] {Markup.Escape(data.Source)}");

        var classes = new Table().Title("Rows per class");
        classes.AddColumn("split");
        classes.AddColumn(new TableColumn("rows").RightAligned());
        foreach (var name in AgNews.Classes) classes.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        foreach (var (name, split) in new[] { ("train", data.Train), ("test", data.Test) })
        {
            var counts = new int[AgNews.Classes.Count];
            foreach (var item in split) counts[item.Label]++;
            classes.AddRow([name, $"{split.Count:N0}", .. counts.Select(c => $"{c:N0}")]);
        }
        console.Write(classes);

        var lengths = new Table().Title("Tokens per text (basic_english)");
        foreach (var column in new[] { "split", "tokens", "min", "mean", "median", "p95", "max" })
            lengths.AddColumn(column == "split" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        foreach (var (name, split) in new[] { ("train", data.Train), ("test", data.Test) })
        {
            var s = TokenLengthStatistics.Of(split);
            lengths.AddRow(name, $"{s.Tokens:N0}", $"{s.Min}", $"{s.Mean:F1}", $"{s.Median}", $"{s.P95}", $"{s.Max}");
        }
        console.Write(lengths);
    }

    /// <summary>Shows each file's download as a progress bar.</summary>
    private sealed class ProgressTasks(ProgressContext context) : IProgress<DownloadProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Report(DownloadProgress value)
        {
            if (!_tasks.TryGetValue(value.File, out var task))
                _tasks[value.File] = task = context.AddTask($"download {Markup.Escape(value.File)}", maxValue: value.TotalBytes ?? 1);
            if (value.TotalBytes is { } total) task.MaxValue = total;
            task.Value = value.BytesReceived;
            context.Refresh();
        }
    }
}
