using Lessons.Training;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>The per-epoch summary table of `lessons train`: training (running) and TEST metrics, time, speed, padding.</summary>
static class EpochTable
{
    public static Table Create() => new Table()
        .AddColumn("epoch")
        .AddColumn(new TableColumn("train loss").RightAligned())
        .AddColumn(new TableColumn("train acc").RightAligned())
        .AddColumn(new TableColumn("[bold]TEST loss[/]").RightAligned())
        .AddColumn(new TableColumn("[bold]TEST acc[/]").RightAligned())
        .AddColumn(new TableColumn("seconds").RightAligned())
        .AddColumn(new TableColumn("samples/s").RightAligned())
        .AddColumn(new TableColumn("padding").RightAligned());

    public static void Add(Table table, EpochMetrics e) => table.AddRow(
        e.Epoch.ToString(),
        e.TrainLoss.ToString("F4"),
        e.TrainAccuracy.ToString("P2"),
        e.Test.Loss.ToString("F4"),
        $"[bold]{e.Test.Accuracy:P2}[/]",
        e.Seconds.ToString("F1"),
        e.SamplesPerSecond.ToString("N0"),
        e.PaddingShare.ToString("P1"));
}
