using Lessons.Charts;
using Lessons.Inspection;
using Lessons.Models;
using Lessons.Models.Packed;
using Lessons.Training;
using Microsoft.Data.Analysis;
using Plotly.NET;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

/// <summary>
/// The few calls the lesson notebooks make, so that a code cell stays one idea long. Everything here is a thin
/// layer over <see cref="Trainer"/>, the models and the charts, with the notebooks' settings (the shared
/// <see cref="Recipe"/>, one epoch in quick mode) and a live progress display.
/// </summary>
public static partial class Lesson
{
    /// <summary>The classifier the notebooks train for a kind of cell (the shared recipe; see <see cref="Recipe.Classifier"/>).</summary>
    public static ClassifierOptions Options(CellKind kind, LessonData data, bool bidirectional = false, int layers = 1, bool packed = false) =>
        Recipe.Classifier(kind, data.Vocabulary.Count, bidirectional, layers, packed);

    /// <summary>The training settings of the notebooks: the recipe's, with one epoch in quick mode.</summary>
    public static TrainerOptions Training(TrainerOptions? options = null)
    {
        var o = options ?? Recipe.Training;
        return o with { Epochs = Kit.Pick(o.Epochs, 1) };
    }

    /// <summary>Trains <paramref name="model"/> on the data's training split, showing progress live; returns the history (test metrics per epoch).</summary>
    public static History Train(nn.Module<Tensor, Tensor, Tensor> model, LessonData data, string name, TrainerOptions? options = null)
    {
        var trainer = new Trainer(model, data.Classes, Training(options), name);
        var live = LiveProgress.Show(name);
        trainer.EpochCompleted += live.EpochCompleted;
        return trainer.Fit(data.Train, data.Test, live);
    }

    /// <summary>The accuracy line of a run: the test accuracy of the last epoch, and the best one.</summary>
    public static string AccuracyLine(History history) =>
        $"{history.Name}: test accuracy {history.Last.Test.Accuracy:P1} after {history.Last.Epoch} epoch(s); best {history.Best.Test.Accuracy:P1} at epoch {history.Best.Epoch}";

    /// <summary>Shows a finished run: its accuracy line, training curves and test confusion matrix.</summary>
    public static void Summary(History history)
    {
        Console.WriteLine(AccuracyLine(history));
        Kit.Show(TrainingCurvesChart.Create(history));
        Kit.Show(ConfusionMatrixChart.Create(history.Last.Test.Confusion, $"{history.Name}: test confusion matrix"));
    }

    /// <summary>Trains one classifier per set of options on the same data, one after the other.</summary>
    public static Comparison CompareVariants(LessonData data, params ClassifierOptions[] variants) =>
        Compare(data, [.. variants.Select(o => (VariantName(o), o, (TrainerOptions?)null, false))]);

    /// <summary>
    /// The same LSTM trained on padded random batches, on packed random batches (twice: on LibTorch's own path for a
    /// PackedSequence, and on the kit's kernel), and on bucketed padded batches.
    /// </summary>
    public static Comparison CompareBatching(LessonData data)
    {
        var random = Training() with { Bucketed = false };
        var packed = Options(CellKind.Lstm, data, packed: true);
        return Compare(data,
        [
            ("padded", Options(CellKind.Lstm, data), random, false),
            ("packed, LibTorch", packed, random, true),
            ("packed, kit kernel", packed, random, false),
            ("bucketed", Options(CellKind.Lstm, data), Training() with { Bucketed = true }, false),
        ]);
    }

    static Comparison Compare(LessonData data, IReadOnlyList<(string Name, ClassifierOptions Options, TrainerOptions? Training, bool BuiltInOnly)> runs)
    {
        var models = new List<RecurrentClassifier>();
        var histories = new List<History>();
        foreach (var (name, options, training, builtInOnly) in runs)
        {
            manual_seed(0);
            var model = new RecurrentClassifier(options);
            using (builtInOnly ? PackedRecurrence.BuiltInOnly() : null) histories.Add(Train(model, data, name, training));
            models.Add(model);
        }
        foreach (var h in histories) Console.WriteLine(AccuracyLine(h));
        return new Comparison(histories, models);
    }

    /// <summary>A short name for a variant: "LSTM", "BiGRU", "LSTM, 2 layers", "packed LSTM".</summary>
    public static string VariantName(ClassifierOptions o) =>
        (o.Packed ? "packed " : "") + (o.Bidirectional ? "Bi" : "") + CellKinds.Name(o.Kind).ToUpperInvariant() +
        (o.Layers > 1 ? $", {o.Layers} layers" : "");
}

/// <summary>Several runs trained on the same data: their histories and models, a chart and a table.</summary>
public sealed record Comparison(IReadOnlyList<History> Histories, IReadOnlyList<RecurrentClassifier> Models)
{
    /// <summary>Best and final test accuracy, seconds per epoch, samples per second, share of padding cells and parameters, one row per run.</summary>
    public DataFrame Table
    {
        get
        {
            var frame = VariantComparisonChart.Table(Histories);
            frame.Columns.Add(new DoubleDataFrameColumn("Samples per second", Histories.Select(h => Math.Round(h.Epochs.Average(e => e.SamplesPerSecond)))));
            frame.Columns.Add(new DoubleDataFrameColumn("Padding (%)", Histories.Select(h => VariantSummary.Percent(h.Epochs.Average(e => e.PaddingShare)))));
            return frame;
        }
    }

    /// <summary>Test accuracy, time per epoch and size side by side.</summary>
    public GenericChart Chart => VariantComparisonChart.Create(Histories);

    /// <summary>Training curves of all runs, overlaid.</summary>
    public GenericChart Curves => TrainingCurvesChart.Create(Histories);
}
