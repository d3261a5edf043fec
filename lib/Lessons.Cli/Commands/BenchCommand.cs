using System.CommandLine;
using System.Text.Json;
using Lessons.Batching;
using Lessons.Data;
using Lessons.Models;
using Lessons.Models.Kernels;
using Lessons.Runtime;
using Lessons.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons bench`: training samples per second of the lesson's configurations (embedding 64, hidden 32, batch 16,
/// Adam 1e-3, one epoch, vocabulary of every training word as in the lesson), median of a few repetitions after one
/// untimed warm-up epoch;
/// with --reference the PyTorch original runs in the same process tree, configuration by configuration, for a speedup.
/// </summary>
public static class BenchCommand
{
    /// <summary>One benchmarked configuration; <paramref name="Reference"/> names the PyTorch script's model, if it has one.</summary>
    public sealed record Configuration(string Name, string? Reference, Func<int, ClassifierOptions> Options);

    public static readonly IReadOnlyList<Configuration> Configurations =
    [
        new("RNN", "rnn", v => Lesson(CellKind.Rnn, v)),
        new("LSTM", "lstm", v => Lesson(CellKind.Lstm, v)),
        new("packed LSTM", "lstm_packed", v => Lesson(CellKind.Lstm, v) with { Packed = true }),
        new("bidirectional LSTM", "bilstm", v => Lesson(CellKind.Lstm, v) with { Bidirectional = true }),
        new("2-layer LSTM", null, v => Lesson(CellKind.Lstm, v) with { Layers = 2 }),
        new("GRU", null, v => Lesson(CellKind.Gru, v)),
    ];

    /// <summary>The lesson's model for a kind, with sparse embedding gradients (the one change that is ours, not the lesson's).</summary>
    static ClassifierOptions Lesson(CellKind kind, int vocabularySize) =>
        ClassifierOptions.For(kind, vocabularySize) with { SparseEmbedding = true };

    public static Command Create()
    {
        var reps = new Option<int>("--reps") { Description = "repetitions per configuration (the median is reported)", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "end with one JSON line on stdout" };
        var reference = new Option<bool>("--reference") { Description = "also run the PyTorch reference (../shared/bench/pytorch_reference.py) and show the speedup" };
        var threads = new Option<int>("--threads") { Description = "TorchSharp threads for the kit", DefaultValueFactory = _ => 1 };
        var referenceThreads = new Option<int>("--reference-threads") { Description = "threads for the PyTorch reference", DefaultValueFactory = _ => 2 };
        var batch = new Option<int>("--batch") { Description = "batch size (the lesson's is 16)", DefaultValueFactory = _ => 16 };
        var dense = new Option<bool>("--dense-embedding") { Description = "dense embedding gradients and a dense Adam step over the whole table (to see what sparse saves)" };
        var builtIn = new Option<bool>("--built-in") { Description = "run every layer on LibTorch's own path, without the kit's packed/GRU/RNN kernels (to see what they save)" };
        var only = new Option<string?>("--only") { Description = "comma-separated configuration names to run (e.g. \"LSTM,GRU\")" };
        var command = new Command("bench", "Training speed (samples/s) of the lesson's configurations on the data in LESSONS_DATA; optionally against the PyTorch original.");
        foreach (var o in new Option[] { reps, json, reference, threads, referenceThreads, batch, only, dense, builtIn }) command.Options.Add(o);

        command.SetAction(parse =>
        {
            try
            {
                TorchRuntime.EnsureReady();
                return Run(parse.GetValue(reps), parse.GetValue(json), parse.GetValue(reference), parse.GetValue(threads),
                    parse.GetValue(referenceThreads), parse.GetValue(batch), parse.GetValue(only), parse.GetValue(dense), parse.GetValue(builtIn));
            }
            catch (Exception e) when (e is AgNewsNotFoundException or AgNewsFormatException or DataDownloadException or TorchNotReadyException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    public sealed record Row(string Name, int Threads, double[] SamplesPerSecond, double Median, double PaddingShare, PhaseTimings Phases,
        double SamplesPerCpuSecond, double? ReferenceSamplesPerSecond, double? Speedup);

    static int Run(int reps, bool asJson, bool withReference, int threads, int referenceThreads, int batchSize, string? only, bool dense, bool builtIn)
    {
        string? script = null;
        if (withReference)
        {
            script = PyTorchReference.Script() ?? throw new InvalidOperationException("--reference: ../shared/bench/pytorch_reference.py was not found next to the repository.");
            if (!File.Exists(PyTorchReference.Python)) throw new InvalidOperationException($"--reference needs {PyTorchReference.Python} with python3-torch and python3-torchtext.");
        }
        var raw = AgNews.Load();
        string dataFolder = Environment.GetEnvironmentVariable(AgNews.DataVariable) is { Length: > 0 } env ? Path.GetFullPath(env)
            : throw new InvalidOperationException($"Set {AgNews.DataVariable} to the folder to benchmark on (e.g. ../shared/data/ag_news-mini).");
        var data = EncodedData.Prepare(raw, minFreq: 1);
        var test = data.Test.Take(64).ToArray();
        var chosen = only is null ? Configurations
            : [.. only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => Configurations.FirstOrDefault(c => c.Name.Equals(n, StringComparison.OrdinalIgnoreCase))
                    ?? throw new InvalidOperationException($"No configuration \"{n}\"; choose from {string.Join(", ", Configurations.Select(c => c.Name))}."))];

        AnsiConsole.MarkupLineInterpolated($"[grey]{raw.Source}: {data.Train.Length:N0} training headlines, vocabulary {data.Vocabulary.Count:N0}; batch {batchSize}, {reps} rep(s), {threads} thread(s){(withReference ? $"; reference {referenceThreads} thread(s)" : "")}{(builtIn ? "; LibTorch's own path only (--built-in)" : "")}[/]");
        var rows = new List<Row>();
        
        foreach (var configuration in chosen)
        {
            double? referenceSpeed = null;
            if (script is not null && configuration.Reference is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{configuration.Name}: PyTorch reference...[/]");
                referenceSpeed = PyTorchReference.Run(script, dataFolder, referenceThreads, configuration.Reference).SamplesPerSecond;
            }
            // One epoch of a fresh, seeded model on the given rows.
            (EpochMetrics Epoch, PhaseTimings Phases) TrainOneEpoch(int seed, IReadOnlyList<EncodedExample> rows)
            {
                random.manual_seed(0);
                using var model = new RecurrentClassifier(configuration.Options(data.Vocabulary.Count) with { SparseEmbedding = !dense, Engine = builtIn ? RecurrentEngine.LibTorch : RecurrentEngine.Auto });
                var options = new TrainerOptions { Epochs = 1, BatchSize = batchSize, LearningRate = 1e-3, ClipNorm = 0, Seed = seed, Threads = threads };
                var trainer = new Trainer(model, AgNews.Classes, options, configuration.Name);
                return (trainer.Fit(rows, test).Last, trainer.Timings[0]);
            }

            // One epoch of warm-up, not timed: the .NET JIT first compiles the kit's kernels unoptimised and recompiles
            // them once they run hot, in the background; that made the first repetition up to twice as slow.
            AnsiConsole.MarkupLineInterpolated($"[grey]{configuration.Name}: warm-up...[/]");
            TrainOneEpoch(seed: -1, data.Train);
            var speeds = new double[reps];
            double padding = 0;
            var phases = PhaseTimings.Zero;
            double cpuSeconds = 0;
            for (int r = 0; r < reps; r++)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{configuration.Name}: rep {r + 1}/{reps}...[/]");
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var (epoch, timings) = TrainOneEpoch(r, data.Train);
                cpuSeconds += (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                speeds[r] = epoch.SamplesPerSecond;
                padding = epoch.PaddingShare;
                phases = phases.Add(timings);
            }
            double median = Median(speeds);
            AnsiConsole.MarkupLineInterpolated($"{configuration.Name}: median {median:N0} samples/s{(referenceSpeed is double rs ? $", PyTorch {rs:N0} samples/s, speedup {median / rs:F1}x" : "")}");
            rows.Add(new Row(configuration.Name, threads, speeds, median, padding, phases, reps * data.Train.Length / cpuSeconds, referenceSpeed, referenceSpeed is double s ? median / s : null));
        }

        // samples/s is the median over the reps; "per CPU-s" divides by the process's CPU time (steadier on a shared machine);
        // the phase column shows where the training time went: batch building / forward / backward / optimizer step.
        var table = new Table().AddColumn("config").AddColumn(new TableColumn("samples/s").RightAligned())
            .AddColumn(new TableColumn("reps").RightAligned()).AddColumn(new TableColumn("per CPU-s").RightAligned()).AddColumn(new TableColumn("pad").RightAligned())
            .AddColumn(new TableColumn("bat/fwd/bwd/opt").RightAligned());
        if (withReference) table.AddColumn(new TableColumn("PyTorch/s").RightAligned()).AddColumn(new TableColumn("[bold]speedup[/]").RightAligned());
        foreach (var row in rows)
        {
            var p = row.Phases;
            var cells = new List<string>
            {
                row.Name, row.Median.ToString("N0"), string.Join(" ", row.SamplesPerSecond.Select(s => s.ToString("N0"))), row.SamplesPerCpuSecond.ToString("N0"), row.PaddingShare.ToString("P1"),
                $"{100 * p.Batching / p.Total:F0}/{100 * p.Forward / p.Total:F0}/{100 * p.Backward / p.Total:F0}/{100 * p.Optimizer / p.Total:F0}%",
            };
            if (withReference) cells.AddRange([row.ReferenceSamplesPerSecond?.ToString("N0") ?? "-", row.Speedup is double x ? $"[bold]{x:F1}x[/]" : "-"]);
            table.AddRow([.. cells]);
        }
        AnsiConsole.Write(table);

        if (asJson)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                data = raw.Source,
                batch = batchSize,
                threads,
                sparseEmbedding = !dense,
                kernels = !builtIn,
                referenceThreads = withReference ? referenceThreads : (int?)null,
                configurations = rows.Select(r => new
                {
                    name = r.Name,
                    samplesPerSecond = Math.Round(r.Median, 1),
                    reps = r.SamplesPerSecond.Select(s => Math.Round(s, 1)),
                    samplesPerCpuSecond = Math.Round(r.SamplesPerCpuSecond, 1),
                    paddingShare = Math.Round(r.PaddingShare, 4),
                    seconds = new { batching = Math.Round(r.Phases.Batching, 3), forward = Math.Round(r.Phases.Forward, 3), backward = Math.Round(r.Phases.Backward, 3), optimizer = Math.Round(r.Phases.Optimizer, 3), other = Math.Round(r.Phases.Other, 3) },
                    referenceSamplesPerSecond = r.ReferenceSamplesPerSecond,
                    speedup = r.Speedup is double x ? Math.Round(x, 2) : (double?)null,
                }),
            }));
        return 0;
    }

    static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
