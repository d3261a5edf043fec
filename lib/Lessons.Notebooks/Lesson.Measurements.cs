using Lessons.Batching;
using Lessons.Inspection;
using Lessons.Models;
using Microsoft.Data.Analysis;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>
    /// The share of padding cells in one epoch of batches, random against bucketed (sorted by length inside shuffled
    /// chunks), for each batch size.
    /// </summary>
    public static DataFrame PaddingTable(IReadOnlyList<EncodedExample> examples, params int[] batchSizes)
    {
        double Share(int size, bool bucketed) =>
            PaddingStats.Share(examples, new BucketSampler(examples, size, seed: 0, bucketed: bucketed).Epoch(0));
        return new DataFrame(
            new Int32DataFrameColumn(Words.Text("table.batch-size"), batchSizes),
            new PercentColumn(Words.Text("table.padding-random"), batchSizes.Select(s => Share(s, false))),
            new PercentColumn(Words.Text("table.padding-bucketed"), batchSizes.Select(s => Share(s, true))));
    }

    /// <summary>
    /// ‖∂loss/∂h_t‖ at every step t, for a fresh RNN and a fresh LSTM classifier of the lesson's size, on the same batch:
    /// the first <paramref name="batch"/> test headlines (in the split's order) that have at least <paramref name="steps"/>
    /// tokens, each cut to its first <paramref name="steps"/>.
    /// </summary>
    public static IReadOnlyList<(string Model, double[] Norms)> GradientNorms(LessonData data, int steps = 40, int batch = 16)
    {
        var rows = data.Test.Where(e => e.Length >= steps).Take(batch).Select(e => e.Tokens[..steps]).ToArray();
        if (rows.Length == 0) throw new ArgumentException($"No test headline has {steps} tokens; choose fewer steps.", nameof(steps));
        using var scope = NewDisposeScope();
        var tokens = tensor(rows.SelectMany(r => r).Select(id => (long)id).ToArray(), [rows.Length, steps]);
        return [.. new[] { CellKind.Rnn, CellKind.Lstm }.Select(kind =>
        {
            manual_seed(Kit.Seed(0));
            var model = new RecurrentClassifier(ClassifierOptions.For(kind, data.Vocabulary.Count));
            return (CellKinds.Name(kind).ToUpperInvariant(), GradientThroughTime.Norms(model, tokens));
        })];
    }
}
