using System.CommandLine;
using Lessons.Runtime;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons bench`: training samples per second of the lesson's configurations (embedding 64, hidden 32, batch 16,
/// Adam 1e-3, one epoch, vocabulary of every training word as in the lesson), median of a few repetitions after one
/// untimed warm-up epoch; with --reference and --tuned the two PyTorch yardsticks run in the same process tree,
/// configuration by configuration, for speedups. This file reads and checks the options; <see cref="BenchRun"/> runs.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var reps = new Option<int>("--reps")
        {
            Description = "repetitions per configuration (the median is reported)",
            DefaultValueFactory = _ => 3,
        }.Between(1, 100);
        var json = new Option<bool>("--json") { Description = "end with one JSON line on stdout" };
        var reference = new Option<bool>("--reference")
        {
            Description = "also run the lesson's PyTorch pipeline (bench/pytorch_reference.py) and show the speedup",
        };
        var tuned = new Option<bool>("--tuned")
        {
            Description = "also run the tuned PyTorch pipeline (bench/pytorch_tuned.py) and show the speedup",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "TorchSharp threads for the kit",
            DefaultValueFactory = _ => 1,
        }.Between(1, Environment.ProcessorCount);
        var referenceThreads = new Option<int?>("--reference-threads")
        {
            Description = "threads for the PyTorch yardsticks (default: as --threads)",
        }.Between(1, Environment.ProcessorCount);
        var batch = new Option<int>("--batch")
        {
            Description = "batch size (the lesson's is 16)",
            DefaultValueFactory = _ => 16,
        }.Between(1, 4096);
        var dense = new Option<bool>("--dense-embedding")
        {
            Description = "dense embedding gradients and a dense Adam step over the whole table (to see what sparse saves)",
        };
        var builtIn = new Option<bool>("--built-in")
        {
            Description = "engine LibTorch for every layer, without the kit's recurrent kernels (to see what they save)",
        };
        var only = new Option<string?>("--only") { Description = "comma-separated configuration names to run (e.g. \"LSTM,GRU\")" }
            .Require(v => v is null || BenchConfiguration.AreNames(v), $"one or more of {string.Join(", ", BenchConfiguration.All.Select(c => c.Name))}, comma-separated");
        var command = new Command("bench",
            "Training speed (samples/s) of the lesson's configurations on the kit's data (the shipped mini split unless LESSONS_DATA says otherwise); optionally against the PyTorch yardsticks.");
        foreach (var o in new Option[] { reps, json, reference, tuned, threads, referenceThreads, batch, only, dense, builtIn })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            TorchRuntime.EnsureReady();
            int kitThreads = parse.GetValue(threads);
            var settings = new BenchSettings(parse.GetValue(reps), kitThreads, parse.GetValue(referenceThreads) ?? kitThreads,
                parse.GetValue(batch), parse.GetValue(reference), parse.GetValue(tuned), parse.GetValue(dense),
                parse.GetValue(builtIn), BenchConfiguration.Choose(parse.GetValue(only)));
            return BenchRun.Run(settings, parse.GetValue(json));
        });
        return command;
    }
}
