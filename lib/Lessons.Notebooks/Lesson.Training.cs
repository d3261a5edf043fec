using Lessons.Charts;
using Lessons.Inspection;
using Lessons.Models;
using Lessons.Training;
using Microsoft.Data.Analysis;
using Plotly.NET;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

/// <summary>
/// The few calls the lesson notebooks make, so that a code cell stays one idea long. Everything here is a thin
/// layer over <see cref="Trainer"/>, the models and the charts, with the notebooks' settings (the shared
/// <see cref="Recipe"/>, fewer epochs in quick mode) and a live progress display.
/// </summary>
public static partial class Lesson
{
    /// <summary>The classifier the notebooks train for a kind of cell (the shared recipe; see <see cref="Recipe.Classifier"/>),
    /// with one output per class of the data.</summary>
    public static ClassifierOptions Options(CellKind kind, LessonData data, bool bidirectional = false, int layers = 1, bool packed = false) =>
        WithEngine(Recipe.Classifier(kind, data.Vocabulary.Count, bidirectional, layers, packed) with { Classes = data.Classes.Count });

    /// <summary>The options with the engine <see cref="Kit.Engine"/> names, unless they name one of their own.</summary>
    static ClassifierOptions WithEngine(ClassifierOptions options) =>
        options.Engine == RecurrentEngine.Auto ? options with { Engine = Kit.Engine } : options;

    /// <summary>
    /// Epochs in quick mode. With the recipe's learning rate and schedule over the mini split, 6 epochs are enough for
    /// every model of the notebooks to learn clearly (the weakest, the 2-layer LSTM, above 75% test accuracy; with 4
    /// it stays near 70%, with 1 near chance), and each notebook still runs in about a minute on 2 cores.
    /// </summary>
    public const int QuickEpochs = 6;

    /// <summary>The training settings of the notebooks: the recipe's, with <see cref="QuickEpochs"/> in quick mode.</summary>
    public static TrainerOptions Training(TrainerOptions? options = null)
    {
        var o = options ?? Recipe.Training;
        return o with { Epochs = Kit.Pick(o.Epochs, Math.Min(o.Epochs, QuickEpochs)) };
    }

    /// <summary>Trains <paramref name="model"/> on the data's training split, showing progress live; returns the history
    /// (test metrics per epoch), named <paramref name="name"/>. The seed of <paramref name="options"/> is shifted by
    /// <see cref="Kit.SeedBase"/>.</summary>
    public static History Train(nn.Module<Tensor, Tensor, Tensor> model, LessonData data, string name, TrainerOptions? options = null)
    {
        var training = Training(options);
        training = training with { Seed = Kit.Seed(training.Seed) };
        var trainer = new Trainer(model, data.Classes, training, name);
        var live = LiveProgress.Show(name);
        trainer.EpochCompleted += live.EpochCompleted;
        TrainingThreads.Apply(training.Threads);
        // A model with LibTorch's own dropout draws its masks from the process-wide generator: seed it, as the trainer
        // once did for every model.
        if (!TrainingRandomness.OwnedBy(model)) manual_seed(training.Seed);
        return trainer.Fit(data.Train, data.Test, live);
    }

    /// <summary>The accuracy line of a run: the test accuracy of the epoch it kept, and its validation accuracy.</summary>
    public static string AccuracyLine(History history) => history.Chosen.Validation is { } validation
        ? Words.Format("run.accuracy-chosen", history.Name, history.Chosen.Test.Accuracy, history.Chosen.Epoch,
            history.Last.Epoch, validation.Accuracy)
        : Words.Format("run.accuracy", history.Name, history.Last.Test.Accuracy, history.Last.Epoch);

    /// <summary>Shows a finished run: its accuracy line, training curves and test confusion matrix.</summary>
    public static void Summary(History history)
    {
        Console.WriteLine(AccuracyLine(history));
        Kit.Show(TrainingCurvesChart.Create(history));
        Kit.Show(ConfusionMatrixChart.Create(history.ChosenConfusion, Words.Format("run.confusion-title", history.Name)));
    }

    /// <summary>Trains one classifier per set of options on the same data, side by side on the machine's cores.</summary>
    public static Comparison CompareVariants(LessonData data, params ClassifierOptions[] variants) =>
        CompareVariants(data, seeds: 1, variants);

    /// <summary>
    /// Trains each set of options <paramref name="seeds"/> times on the same data, with seeds 0, 1, …: the seed sets the
    /// initial weights, the batch order, the dropout masks and the validation part, so the spread over seeds shows how far two runs of the
    /// same recipe differ by chance. Runs of one variant share its name; the comparison's chart and table show their
    /// mean and range. <c>Lesson.CompareVariants(data, seeds: Kit.Pick(3, 1), …)</c>
    /// </summary>
    public static Comparison CompareVariants(LessonData data, int seeds, params ClassifierOptions[] variants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        return Compare(data, [.. variants.Select(o => (o.Name(), o, (TrainerOptions?)null))], seeds);
    }

    /// <summary>
    /// The bag of words (<see cref="BagOfWordsClassifier"/>: the mean of the headline's embeddings, read by a linear
    /// layer; the recipe's embedding, dropout and training) over seeds 0, 1, …, as <see cref="CompareVariants(LessonData, int, ClassifierOptions[])"/>
    /// trains a variant: the baseline that cannot see word order. Prints its accuracy line; compare it with a variant by
    /// <c>AccuracyDifference.Of(variant.Seeds, bagOfWords)</c>.
    /// </summary>
    public static IReadOnlyList<History> BagOfWords(LessonData data, int seeds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var options = Options(CellKind.Lstm, data) with { BagOfWords = true };
        string name = options.Name();
        var planned = new List<PlannedTraining>();
        for (int seed = 0; seed < seeds; seed++)
            planned.Add(Plan(Kit.Seed(seed), () => new BagOfWordsClassifier(options), name, seeds == 1 ? name : Words.Format("run.seed", name, seed),
                data.Classes, data.Train, data.Test, Training(), disposeAfter: true));
        var runs = TrainSideBySide(planned, timed: false);
        Console.WriteLine(AccuracyLine(runs));
        return runs;
    }

    /// <summary>
    /// The same LSTM trained on padded random batches, on packed random batches, and on bucketed padded batches, one
    /// after the other (their times are compared, so nothing trains beside them).
    /// </summary>
    public static Comparison CompareBatching(LessonData data)
    {
        var random = Training() with { Bucketed = false };
        return Compare(data, timed: true, runs:
        [
            (Words.Text("run.padded"), Options(CellKind.Lstm, data), random),
            (Words.Text("run.packed"), Options(CellKind.Lstm, data, packed: true), random),
            (Words.Text("run.bucketed"), Options(CellKind.Lstm, data), Training() with { Bucketed = true }),
        ]);
    }

    /// <summary>
    /// Who runs the recurrent layer (the teachers' appendix): the same packed LSTM on random batches, run by LibTorch's
    /// own path for a PackedSequence and by the kit's kernel, and the bucketed padded LSTM that LibTorch hands to its
    /// fused kernel. One after the other, as <see cref="CompareBatching"/>. <paramref name="epochs"/>: fewer than the
    /// recipe's 10 (the schedule spans them), since seconds per epoch are what this compares.
    /// </summary>
    public static Comparison CompareEngines(LessonData data, int? epochs = null)
    {
        var recipe = Recipe.Training;
        if (epochs is int e)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(e, 1, nameof(epochs));
            recipe = recipe with { Epochs = e };
        }
        var random = Training(recipe) with { Bucketed = false };
        var packed = Options(CellKind.Lstm, data, packed: true);
        return Compare(data, timed: true, runs:
        [
            (Words.Text("run.packed-libtorch"), packed with { Engine = RecurrentEngine.LibTorch }, random),
            (Words.Text("run.packed-kit-kernel"), packed with { Engine = RecurrentEngine.Kit }, random),
            (Words.Text("run.bucketed-padded"), Options(CellKind.Lstm, data), Training(recipe) with { Bucketed = true }),
        ]);
    }

    /// <summary>
    /// Trains every run <paramref name="seeds"/> times (seeds 0, 1, … shifted by <see cref="Kit.SeedBase"/>): the models
    /// are built here one after another, each under its seed (the starting weights), then trained side by side
    /// (<see cref="TrainSideBySide"/>), or one at a time when <paramref name="timed"/>.
    /// </summary>
    static Comparison Compare(
        LessonData data, IReadOnlyList<(string Name, ClassifierOptions Options, TrainerOptions? Training)> runs, int seeds = 1,
        bool timed = false)
    {
        var planned = new List<PlannedTraining>();
        foreach (var (name, options, training) in runs)
        {
            for (int seed = 0; seed < seeds; seed++)
                planned.Add(Plan(Kit.Seed(seed), () => new RecurrentClassifier(WithEngine(options)), name,
                    seeds == 1 ? name : Words.Format("run.seed", name, seed), data.Classes, data.Train, data.Test, Training(training)));
        }
        var histories = TrainSideBySide(planned, timed);
        foreach (var variant in histories.GroupBy(h => h.Name)) Console.WriteLine(AccuracyLine([.. variant]));
        return new Comparison(histories, [.. planned.Select(p => (RecurrentClassifier)p.Model)]);
    }

    /// <summary>The accuracy line of one variant: <see cref="AccuracyLine(History)"/>, or over several seeds their mean and range.</summary>
    static string AccuracyLine(IReadOnlyList<History> seeds)
    {
        if (seeds.Count == 1) return AccuracyLine(seeds[0]);
        var test = SeedSpread.Of(seeds.Select(h => h.Chosen.Test.Accuracy));
        return Words.Format("run.accuracy-seeds", seeds[0].Name, test.Mean, seeds.Count, test.Min, test.Max,
            string.Join(", ", seeds.Select(h => h.Chosen.Epoch)));
    }
}

/// <summary>
/// Several runs trained on the same data: their histories and models, a chart and a table. The comparison owns its
/// models: <see cref="Dispose"/> frees their native memory (a notebook's kernel frees it when it ends otherwise).
/// </summary>
public sealed record Comparison(IReadOnlyList<History> Histories, IReadOnlyList<RecurrentClassifier> Models) : IDisposable
{
    /// <summary>Frees the models' native memory; the histories stay readable. A comparison made of another's runs
    /// (<see cref="Lesson.CompareReadouts"/>) shares that one's models, so disposing either frees both.</summary>
    public void Dispose()
    {
        foreach (var model in Models) model.Dispose();
    }

    /// <summary>
    /// This comparison's runs followed by <paramref name="other"/>'s, as one comparison: variants trained in two cells
    /// (each short enough to wait for) compared in one table. <c>var runs = directions.And(layers);</c> The result shares
    /// both comparisons' models.
    /// </summary>
    public Comparison And(Comparison other) => new([.. Histories, .. other.Histories], [.. Models, .. other.Models]);

    /// <summary>Test accuracy (chosen epoch), validation and final test accuracy, seconds per epoch, samples per second, share of padding cells and parameters, one row per variant.</summary>
    public DataFrame Table => VariantComparisonChart.Table(Histories, Parameters);

    /// <summary>Test accuracy, time per epoch and size side by side.</summary>
    public GenericChart Chart => VariantComparisonChart.Create(Histories, Parameters);

    /// <summary>Each run's parameters by part (embedding, recurrent, output layer).</summary>
    public IReadOnlyList<ParameterCounts> Parameters => [.. Models.Select(ParameterCounts.Of)];

    /// <summary>The variants, each with its seeds' runs (runs with the same name are seeds of one variant).</summary>
    public IReadOnlyList<VariantSummary> Variants => VariantSummary.Of(Histories, Parameters);

    /// <summary>Every pair of variants: how far apart their mean test accuracies are, with a 95% interval over seeds and
    /// test examples (see <see cref="AccuracyDifference"/>).</summary>
    public IReadOnlyList<AccuracyDifference> Differences => AccuracyDifference.Between(Variants);

    /// <summary>Each variant's classifier settings (readout, embedding start, dropout) beside its test accuracy and seed range.</summary>
    public DataFrame Setups => SetupTable.Create(Variants, [.. Variants.Select(v => Model(v.Run).Options)]);

    /// <summary>The model of variant <paramref name="name"/> trained with the first seed (0).</summary>
    public RecurrentClassifier Model(string name)
    {
        int index = Histories.ToList().FindIndex(h => h.Name == name);
        if (index < 0)
            throw new ArgumentException($"No run is named \"{name}\"; the runs are {string.Join(", ", Histories.Select(h => h.Name).Distinct())}.", nameof(name));
        return Models[index];
    }

    /// <summary>
    /// Prints each other variant's test accuracy against <paramref name="baseline"/>'s: the difference of the means, its
    /// 95% interval over seeds and test examples, and the verdict the interval gives (see <see cref="AccuracyDifference"/>).
    /// </summary>
    public void PrintDifferences(string baseline)
    {
        foreach (var difference in AccuracyDifference.Against(baseline, Variants)) Console.WriteLine(difference);
    }

    /// <summary>
    /// The epochs of one run, one row each (test and training accuracy and loss, validation accuracy, seconds), the
    /// chosen epoch marked: the detail a comparison's summary leaves out. <c>runs.Epochs("LSTM", seed: 1)</c>
    /// </summary>
    public DataFrame Epochs(string name, int seed = 0)
    {
        var seeds = Histories.Where(h => h.Name == name).ToList();
        if (seeds.Count == 0)
            throw new ArgumentException($"No run is named \"{name}\"; the runs are {string.Join(", ", Histories.Select(h => h.Name).Distinct())}.", nameof(name));
        if (seed < 0 || seed >= seeds.Count)
            throw new ArgumentOutOfRangeException(nameof(seed), $"\"{name}\" was trained with seeds 0 to {seeds.Count - 1}, not {seed}.");
        return EpochTable.Create(seeds[seed]);
    }

    /// <summary>Training curves of all runs, overlaid.</summary>
    public GenericChart Curves => TrainingCurvesChart.Create(Histories);
}
