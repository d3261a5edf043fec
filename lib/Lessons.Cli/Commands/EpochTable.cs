using Lessons.Training;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>
/// The per-epoch summary table of `lessons train`: training (running), validation and test metrics, time, speed,
/// padding. The epoch the model keeps (chosen on validation) is marked.
/// </summary>
static class EpochTable
{
    /// <summary>One row per epoch of <paramref name="history"/>; the chosen epoch's row says so.</summary>
    public static Table Create(History history)
    {
        var table = Columns();
        foreach (var e in history.Epochs) Add(table, e, chosen: e.Epoch == history.Chosen.Epoch);
        return table;
    }

    static Table Columns() => new Table()
        .AddColumn("epoch")
        .AddColumn(new TableColumn("train loss").RightAligned())
        .AddColumn(new TableColumn("train acc").RightAligned())
        .AddColumn(new TableColumn("[bold]validation acc[/]").RightAligned())
        .AddColumn(new TableColumn("test loss").RightAligned())
        .AddColumn(new TableColumn("test acc").RightAligned())
        .AddColumn(new TableColumn("seconds").RightAligned())
        .AddColumn(new TableColumn("samples/s").RightAligned())
        .AddColumn(new TableColumn("padding").RightAligned());

    static void Add(Table table, EpochMetrics e, bool chosen) => table.AddRow(
        chosen ? $"[bold]{e.Epoch} (chosen)[/]" : e.Epoch.ToString(),
        e.TrainLoss.ToString("F4"),
        e.TrainAccuracy.ToString("P2"),
        e.Validation is { } v ? $"[bold]{v.Accuracy:P2}[/]" : "–",
        e.Test.Loss.ToString("F4"),
        e.Test.Accuracy.ToString("P2"),
        e.Seconds.ToString("F1"),
        e.SamplesPerSecond.ToString("N0"),
        e.PaddingShare.ToString("P1"));
}
