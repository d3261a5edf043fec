using Lessons.Batching;
using Lessons.Data;
using Spectre.Console;

namespace Lessons.Cli.Commands;

/// <summary>
/// One `lessons bench` run: the data, the yardsticks' BLAS and this core's peak, then per configuration the PyTorch
/// yardsticks asked for and the kit's own timing (<see cref="BenchTiming"/>), side by side in one run, so the machine's
/// load falls on all of them alike; then the table and, if asked, the JSON line (<see cref="BenchReport"/>).
/// </summary>
static class BenchRun
{
    public static int Run(BenchSettings settings, bool asJson)
    {
        string? lessonScript = settings.Reference ? PyTorchReference.Script(PyTorchReference.Lesson, "--reference") : null;
        string? tunedScript = settings.Tuned ? PyTorchReference.Script(PyTorchReference.Tuned, "--tuned") : null;
        var raw = AgNews.Load();
        string dataFolder = raw.FolderPath();
        var data = EncodedData.Prepare(raw, minFreq: 1);
        double tokensPerSample = data.Train.Average(e => e.Length);

        string python = lessonScript is null && tunedScript is null ? "" : $"; PyTorch {settings.ReferenceThreads} thread(s)";
        string engine = settings.BuiltIn ? "; engine LibTorch (--built-in)" : "";
        string header = $"{raw.Source}: {data.Train.Length:N0} training headlines ({tokensPerSample:F1} tokens each on average), " +
            $"vocabulary {data.Vocabulary.Count:N0}; batch {settings.BatchSize}, {settings.Reps} rep(s), " +
            $"{settings.Threads} thread(s){python}{engine}";
        AnsiConsole.MarkupLineInterpolated($"[grey]{header}[/]");
        var blas = lessonScript is null && tunedScript is null ? null : PythonBlas.Detect();
        if (blas is not null) AnsiConsole.MarkupLineInterpolated($"[grey]PyTorch's BLAS: {blas}[/]");
        double peak = CorePeak.Gflops();

        var rows = new List<BenchRow>();
        foreach (var configuration in settings.Configurations)
        {
            double? Yardstick(string? script, string label)
            {
                if (script is null) return null;
                AnsiConsole.MarkupLineInterpolated($"[grey]{configuration.Name}: PyTorch, {label}...[/]");
                var result = PyTorchReference.Run(script, dataFolder, settings.ReferenceThreads, configuration.PythonModel);
                return result.SamplesPerSecond;
            }
            double? lesson = Yardstick(lessonScript, "the lesson's pipeline");
            double? tuned = Yardstick(tunedScript, "tuned");
            var row = BenchTiming.Measure(configuration, data, settings, tokensPerSample) with
            {
                LessonSamplesPerSecond = lesson,
                TunedSamplesPerSecond = tuned,
            };
            string versusLesson = lesson is double l ? $", lesson's pipeline {l:N0} ({row.Median / l:F1}x)" : "";
            string versusTuned = tuned is double t ? $", tuned PyTorch {t:N0} ({row.Median / t:F1}x)" : "";
            AnsiConsole.MarkupLineInterpolated($"{configuration.Name}: median {row.Median:N0} samples/s{versusLesson}{versusTuned}");
            rows.Add(row);
        }

        BenchReport.Table(rows, settings, blas, peak);
        if (asJson) Console.WriteLine(BenchReport.Json(rows, settings, raw.Source, blas, peak));
        return 0;
    }
}
