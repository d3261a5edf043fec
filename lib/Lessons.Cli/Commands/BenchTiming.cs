using System.Diagnostics;
using Lessons.Batching;
using Lessons.Data;
using Lessons.Models;
using Lessons.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Lessons.Cli.Commands;

/// <summary>
/// Times the kit on one configuration: one untimed warm-up epoch, then a fresh seeded model per repetition trained one
/// epoch; samples/s per repetition, where the time went, and the samples per CPU-second of the process.
/// </summary>
static class BenchTiming
{
    public static BenchRow Measure(BenchConfiguration configuration, EncodedData data, BenchSettings settings, double tokensPerSample)
    {
        var options = configuration.Options(data.Vocabulary.Count) with
        {
            SparseEmbedding = !settings.DenseEmbedding,
            Engine = settings.BuiltIn ? RecurrentEngine.LibTorch : RecurrentEngine.Auto,
        };
        var test = data.Test.Take(64).ToArray();
        TrainingThreads.Apply(settings.Threads);
        (EpochMetrics Epoch, PhaseTimings Phases) TrainOneEpoch(int seed)
        {
            random.manual_seed(0);
            using var model = new RecurrentClassifier(options);
            var training = new TrainerOptions { Epochs = 1, BatchSize = settings.BatchSize, LearningRate = 1e-3, ClipNorm = 0, Seed = seed, Threads = settings.Threads };
            var trainer = new Trainer(model, AgNews.Classes, training, configuration.Name);
            return (trainer.Fit(data.Train, test).Last, trainer.Timings[0]);
        }

        // One epoch of warm-up, not timed: the .NET JIT first compiles the kit's kernels unoptimised and recompiles
        // them once they run hot, in the background; that made the first repetition up to twice as slow.
        AnsiConsole.MarkupLineInterpolated($"[grey]{configuration.Name}: warm-up...[/]");
        TrainOneEpoch(seed: -1);
        var speeds = new double[settings.Reps];
        double padding = 0, cpuSeconds = 0;
        var phases = PhaseTimings.Zero;
        for (int r = 0; r < settings.Reps; r++)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{configuration.Name}: rep {r + 1}/{settings.Reps}...[/]");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (epoch, timings) = TrainOneEpoch(r);
            cpuSeconds += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            speeds[r] = epoch.SamplesPerSecond;
            padding = epoch.PaddingShare;
            phases = phases.Add(timings);
        }
        return new BenchRow(configuration.Name, speeds, Median.Of(speeds), padding, phases,
            settings.Reps * data.Train.Length / cpuSeconds, BenchConfiguration.FlopsPerSample(options, tokensPerSample), null, null);
    }
}
