using Lessons.Inspection;
using Lessons.Models;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>The readouts an ablation crosses with regularisation, in the order its table shows them: the final
    /// state (the lesson's LSTM reads it) and the recipe's max over time, set against it.</summary>
    internal static readonly Readout[] AblatedReadouts = [Readout.Final, Readout.Max];

    /// <summary>
    /// Which of the recipe's choices buys its accuracy, for one cell: the cell with each readout (final state, max over
    /// time), each without regularisation (embeddings starting at N(0, 1), no dropout: the lesson's
    /// classifier) and with the recipe's (N(0, 0.1), dropout 0.65). Every model is the recipe's in all else and is
    /// trained the recipe's way over the seeds of <paramref name="recipe"/>, side by side; the recipe's own model of that
    /// cell (max over time, regularised) is taken from <paramref name="recipe"/>, not trained again. With
    /// <paramref name="withoutRegularisation"/> false only the readouts are compared, both regularised: one new variant.
    /// <c>var rnn = Lesson.CompareReadouts(data, runs, CellKind.Rnn);</c>
    /// </summary>
    public static ReadoutAblation CompareReadouts(LessonData data, Comparison recipe, CellKind kind, bool withoutRegularisation = true)
    {
        var recipeOptions = Options(kind, data);
        string cell = recipeOptions.Name();
        // The recipe's runs of this cell, one per seed, with their models.
        var reused = recipe.Histories.Select((history, i) => (History: history, Model: recipe.Models[i]))
            .Where(run => run.History.Name == cell).ToList();
        if (reused.Count == 0)
            throw new ArgumentException($"The comparison has no \"{cell}\" to start from; its runs are {string.Join(", ", recipe.Histories.Select(h => h.Name).Distinct())}.", nameof(kind));
        var runs = new List<(string, ClassifierOptions, Training.TrainerOptions?)>();
        foreach (bool regularised in Regularisations(withoutRegularisation))
            foreach (var readout in AblatedReadouts)
                if (!(regularised && readout == recipeOptions.Readout))
                    runs.Add((AblationName(cell, readout, regularised), Regularised(recipeOptions with { Readout = readout }, regularised), null));
        var others = Compare(data, runs, reused.Count);
        var ablation = new Comparison(
            [.. others.Histories, .. reused.Select(run => run.History with { Name = AblationName(cell, recipeOptions.Readout, true) })],
            [.. others.Models, .. reused.Select(run => run.Model)]);
        return new ReadoutAblation(ablation, cell, withoutRegularisation);
    }

    /// <summary>The regularisation settings an ablation trains: without and with, or with only.</summary>
    internal static bool[] Regularisations(bool withoutRegularisation) => withoutRegularisation ? [false, true] : [true];

    /// <summary>Without regularisation: the lesson's embedding start (N(0, 1)) and no dropout.</summary>
    static ClassifierOptions Regularised(ClassifierOptions options, bool regularised) =>
        regularised ? options : options with { EmbeddingInitStd = 1, Dropout = 0 };

    internal static string AblationName(string cell, Readout readout, bool regularised) =>
        Words.Format("run.ablation", cell, SetupTable.ReadoutName(readout), Words.Text(regularised ? "run.regularised" : "run.not-regularised"));
}

/// <summary>
/// A cell trained with each readout, with and without the recipe's regularisation (<see cref="Lesson.CompareReadouts"/>):
/// the table of the four variants (two when <paramref name="WithoutRegularisation"/> is false: both regularised), and
/// what each factor buys, as differences with their 95% intervals.
/// </summary>
public sealed record ReadoutAblation(Comparison Runs, string Cell, bool WithoutRegularisation = true)
{
    /// <summary>The variants: readout, embedding start, dropout, seeds, mean test accuracy and seed range.</summary>
    public Microsoft.Data.Analysis.DataFrame Table => Runs.Setups;

    /// <summary>
    /// Prints what each factor buys, each as a difference with its 95% interval over seeds and test headlines
    /// (<see cref="AccuracyDifference"/>): regularisation, readout by readout; then max over time against the final
    /// state, without regularisation and with it (only with it, when the ablation left regularisation on).
    /// </summary>
    public void PrintEffects()
    {
        var variants = Runs.Variants.ToDictionary(v => v.Run);
        VariantSummary Of(Readout readout, bool regularised) => variants[Lesson.AblationName(Cell, readout, regularised)];
        if (WithoutRegularisation)
        {
            Console.WriteLine(Words.Text("ablation.regularisation"));
            foreach (var readout in Lesson.AblatedReadouts)
                Console.WriteLine("  " + AccuracyDifference.Of(Of(readout, true), Of(readout, false)));
        }
        var (baseline, readouts) = (Lesson.AblatedReadouts[0], Lesson.AblatedReadouts[1..]);
        Console.WriteLine(Words.Text(WithoutRegularisation ? "ablation.readout" : "ablation.readout-regularised"));
        foreach (bool regularised in Lesson.Regularisations(WithoutRegularisation))
            foreach (var readout in readouts)
                Console.WriteLine("  " + AccuracyDifference.Of(Of(readout, regularised), Of(baseline, regularised)));
    }
}
