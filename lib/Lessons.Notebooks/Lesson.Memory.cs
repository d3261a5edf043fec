using Lessons.Batching;
using Lessons.Charts;
using Lessons.Data;
using Lessons.Inspection;
using Lessons.Models;
using Lessons.Training;
using Microsoft.Data.Analysis;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>
    /// The long-memory task (<see cref="LongMemoryTask"/>) for each number of <paramref name="distractors"/>: an RNN, an
    /// LSTM and a GRU trained on it with the same settings (<see cref="LongMemoryRecipe"/>: the final-state readout),
    /// side by side (<see cref="TrainSideBySide"/>). <paramref name="epochs"/> overrides the recipe's; the task's texts and
    /// the models' seed is <paramref name="seed"/> shifted by <see cref="Kit.SeedBase"/>.
    /// </summary>
    public static LongMemoryRuns LongMemory(int[] distractors, int trainTexts, int testTexts, int? epochs = null, int seed = 0)
    {
        int shifted = Kit.Seed(seed);
        var planned = new List<PlannedTraining>();
        var counts = new List<int>();
        foreach (int n in distractors)
        {
            var task = LongMemoryTask.Create(n, trainTexts, testTexts, shifted);
            var encoded = EncodedData.Prepare(task, minFreq: 1);
            foreach (var kind in (CellKind[])[CellKind.Rnn, CellKind.Lstm, CellKind.Gru])
            {
                var options = WithEngine(LongMemoryRecipe.Classifier(kind, encoded.Vocabulary.Count));
                var training = epochs is int e ? LongMemoryRecipe.Training with { Epochs = e } : LongMemoryRecipe.Training;
                string name = options.Name();
                planned.Add(Plan(shifted, () => new RecurrentClassifier(options), name, Words.Format("memory.training", name, n),
                    task.Classes, encoded.Train, encoded.Test, training, disposeAfter: true));
                counts.Add(n);
            }
        }
        var histories = TrainSideBySide(planned, timed: false);
        return new LongMemoryRuns([.. planned.Select((p, i) => new LongMemoryRun(p.Name, counts[i], histories[i]))],
            1.0 / LongMemoryTask.Markers.Count);
    }
}

/// <summary>One model trained on the long-memory task with a given number of distractors.</summary>
public sealed record LongMemoryRun(string Model, int Distractors, History History)
{
    /// <summary>Test accuracy of the epoch kept (chosen on the validation texts).</summary>
    public double Accuracy => History.Chosen.Test.Accuracy;
}

/// <summary>The long-memory runs of <see cref="Lesson.LongMemory"/>: a chart, a table, and each accuracy by model and distractors.</summary>
public sealed record LongMemoryRuns(IReadOnlyList<LongMemoryRun> Runs, double Chance)
{
    /// <summary>The models in the order they were trained (RNN, LSTM, GRU).</summary>
    public IReadOnlyList<string> Models => [.. Runs.Select(r => r.Model).Distinct()];

    /// <summary>The numbers of distractors, smallest first.</summary>
    public IReadOnlyList<int> Distractors => [.. Runs.Select(r => r.Distractors).Distinct().Order()];

    /// <summary>Test accuracy (0..1) of <paramref name="model"/> with <paramref name="distractors"/> distractors.</summary>
    public double Accuracy(string model, int distractors) =>
        Runs.FirstOrDefault(r => r.Model == model && r.Distractors == distractors)?.Accuracy
        ?? throw new ArgumentException($"No run of {model} with {distractors} distractors; the models are {string.Join(", ", Models)}, the distractors {string.Join(", ", Distractors)}.");

    /// <summary>Test accuracy against distractors, one line per model, chance dashed.</summary>
    public GenericChart Chart => LongMemoryChart.Create(
        [.. Models.Select(m => (m, Distractors.ToArray(), Distractors.Select(n => Accuracy(m, n)).ToArray()))], Chance);

    /// <summary>One row per number of distractors, one column of test accuracy (%) per model.</summary>
    public DataFrame Table => new([
        new Int32DataFrameColumn(Words.Text("memory.distractors-column"), Distractors),
        .. Models.Select(m => new PercentColumn(Words.Format("memory.accuracy-column", m), Distractors.Select(n => Accuracy(m, n)))),
    ]);
}
