using System.Text.Json;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>The bench's table on the console and its one-line JSON.</summary>
static class BenchReport
{
    /// <summary>
    /// samples/s is the median over the reps; "per CPU-s" divides by the process's CPU time (steadier on a shared
    /// machine); the phase column shows where the kit's training time went (batch building / forward / backward /
    /// optimizer step); MFLOP/sample and GFLOP/s count the useful arithmetic only (<see cref="BenchConfiguration.FlopsPerSample"/>).
    /// </summary>
    public static void Table(IReadOnlyList<BenchRow> rows, BenchSettings settings, PythonBlas? blas, double peak)
    {
        var table = new Table().AddColumn("config").AddColumn(new TableColumn("samples/s").RightAligned())
            .AddColumn(new TableColumn("reps").RightAligned()).AddColumn(new TableColumn("per CPU-s").RightAligned())
            .AddColumn(new TableColumn("pad").RightAligned()).AddColumn(new TableColumn("bat/fwd/bwd/opt").RightAligned())
            .AddColumn(new TableColumn("MFLOP/sample").RightAligned()).AddColumn(new TableColumn("GFLOP/s").RightAligned());
        if (settings.Reference) table.AddColumn(new TableColumn("lesson/s").RightAligned()).AddColumn(new TableColumn("[bold]x lesson[/]").RightAligned());
        if (settings.Tuned) table.AddColumn(new TableColumn("tuned/s").RightAligned()).AddColumn(new TableColumn("[bold]x tuned[/]").RightAligned());
        foreach (var row in rows)
        {
            var p = row.Phases;
            var cells = new List<string>
            {
                row.Name, row.Median.ToString("N0"), string.Join(" ", row.SamplesPerSecond.Select(s => s.ToString("N0"))),
                row.SamplesPerCpuSecond.ToString("N0"), row.PaddingShare.ToString("P1"),
                $"{100 * p.Batching / p.Total:F0}/{100 * p.Forward / p.Total:F0}/{100 * p.Backward / p.Total:F0}/{100 * p.Optimizer / p.Total:F0}%",
                (row.FlopsPerSample / 1e6).ToString("F2"), row.Gflops.ToString("F2"),
            };
            if (settings.Reference) cells.AddRange([row.LessonSamplesPerSecond?.ToString("N0") ?? "-", row.LessonSpeedup is double x ? $"[bold]{x:F1}x[/]" : "-"]);
            if (settings.Tuned) cells.AddRange([row.TunedSamplesPerSecond?.ToString("N0") ?? "-", row.TunedSpeedup is double y ? $"[bold]{y:F1}x[/]" : "-"]);
            table.AddRow([.. cells]);
        }
        string threads = $"kit {settings.Threads} thread(s)" + (blas is null ? "" : $", PyTorch {settings.ReferenceThreads} thread(s) on {blas.Name}");
        table.Caption($"{threads}; this core's measured peak {peak:F1} GFLOP/s (FMA loop, 1 thread)");
        AnsiConsole.Write(table);
        if (blas is { IsNetlibReference: true })
            AnsiConsole.MarkupLine("[red]warning: the PyTorch yardsticks ran on netlib's reference BLAS, 2-2.5x slower than OpenBLAS: " +
                "the speedups above flatter the kit (apt-get install libopenblas0-pthread).[/]");
    }

    public static string Json(IReadOnlyList<BenchRow> rows, BenchSettings settings, string source, PythonBlas? blas, double peak) =>
        JsonSerializer.Serialize(new
        {
            data = source,
            batch = settings.BatchSize,
            threads = settings.Threads,
            sparseEmbedding = !settings.DenseEmbedding,
            engine = settings.BuiltIn ? "LibTorch" : "Auto",
            referenceThreads = settings.Reference || settings.Tuned ? settings.ReferenceThreads : (int?)null,
            pytorchBlas = blas is null ? null : new { name = blas.Name, libraries = blas.Libraries, blasInfo = blas.BlasInfo, torch = blas.TorchVersion },
            corePeakGflops = Math.Round(peak, 2),
            configurations = rows.Select(r => new
            {
                name = r.Name,
                samplesPerSecond = Math.Round(r.Median, 1),
                reps = r.SamplesPerSecond.Select(s => Math.Round(s, 1)),
                samplesPerCpuSecond = Math.Round(r.SamplesPerCpuSecond, 1),
                paddingShare = Math.Round(r.PaddingShare, 4),
                seconds = new
                {
                    batching = Math.Round(r.Phases.Batching, 3),
                    forward = Math.Round(r.Phases.Forward, 3),
                    backward = Math.Round(r.Phases.Backward, 3),
                    optimizer = Math.Round(r.Phases.Optimizer, 3),
                    other = Math.Round(r.Phases.Other, 3),
                },
                flopsPerSample = Math.Round(r.FlopsPerSample),
                gflops = Math.Round(r.Gflops, 3),
                lessonSamplesPerSecond = r.LessonSamplesPerSecond,
                lessonSpeedup = r.LessonSpeedup is double x ? Math.Round(x, 2) : (double?)null,
                tunedSamplesPerSecond = r.TunedSamplesPerSecond,
                tunedSpeedup = r.TunedSpeedup is double y ? Math.Round(y, 2) : (double?)null,
            }),
        });
}
