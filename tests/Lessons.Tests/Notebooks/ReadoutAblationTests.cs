using Lessons.Models;
using Lessons.Notebooks;
using Lessons.Runtime;
using Lessons.Tests.Data;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// Notebook 7's ablation (<see cref="Lesson.CompareReadouts"/>): one cell with each readout, with and without the
/// recipe's regularisation, over the seeds of the comparison it starts from, whose recipe model it reuses; what each
/// factor buys is printed with its interval. In the notebook collection, which runs alone (Prepare reads LESSONS_QUICK).
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed class ReadoutAblationTests : IDisposable
{
    readonly TempFolder folder = new();

    public ReadoutAblationTests() => TorchRuntime.EnsureReady();

    public void Dispose() => folder.Dispose();

    LessonData TwoTopics() => Notebooks.TwoTopics.Prepare(folder);

    /// <summary>What <see cref="ReadoutAblation.PrintEffects"/> prints, line by line.</summary>
    static string[] PrintedEffects(ReadoutAblation ablation)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try { ablation.PrintEffects(); }
        finally { Console.SetOut(original); }
        return output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
    }

    [Fact]
    public void Each_readout_is_trained_with_and_without_regularisation_over_the_same_seeds_and_the_recipe_model_is_reused()
    {
        var data = TwoTopics();
        using var runs = Lesson.CompareVariants(data, seeds: 2, Lesson.Options(CellKind.Rnn, data), Lesson.Options(CellKind.Gru, data));
        var ablation = Lesson.CompareReadouts(data, runs, CellKind.Rnn);

        string[] readouts = ["final state", "max over time"];
        string[] expected = [.. new[] { "no regularisation", "regularised" }.SelectMany(r => readouts.Select(o => $"RNN ({o}, {r})"))];
        Assert.Equal(expected.Order(), ablation.Runs.Variants.Select(v => v.Run).Order());
        Assert.All(ablation.Runs.Variants, v => Assert.Equal(2, v.Seeds.Count));

        foreach (var (history, model) in ablation.Runs.Histories.Zip(ablation.Runs.Models))
        {
            bool regularised = history.Name.EndsWith(", regularised)", StringComparison.Ordinal);
            Assert.Equal(regularised ? 0.65 : 0, model.Options.Dropout);
            Assert.Equal(regularised ? 0.1 : 1.0, model.Options.EmbeddingInitStd);
            Assert.Contains(model.Options.Readout switch { Readout.Final => "final state", Readout.Max => "max over time", _ => "another" }, history.Name);
            Assert.Equal(CellKind.Rnn, model.Options.Kind);
        }

        // The recipe's RNN is not trained again: its seeds' models and numbers are the comparison's.
        var recipeModels = runs.Models.Where((m, i) => runs.Histories[i].Name == "RNN").ToList();
        var reused = ablation.Runs.Models.Where((m, i) => ablation.Runs.Histories[i].Name == "RNN (max over time, regularised)").ToList();
        Assert.Equal(recipeModels, reused);
        Assert.Equal(runs.Histories.Where(h => h.Name == "RNN").Select(h => h.Chosen.Test.Accuracy),
            ablation.Runs.Histories.Where(h => h.Name == "RNN (max over time, regularised)").Select(h => h.Chosen.Test.Accuracy));
        foreach (var model in ablation.Runs.Models.Except(recipeModels)) model.Dispose();

        var lines = PrintedEffects(ablation);
        Assert.Equal(6, lines.Length);
        Assert.Equal("What regularisation buys, readout by readout:", lines[0]);
        Assert.Equal("What the readout buys, max over time against the final state, without regularisation and with it:", lines[3]);
        Assert.All(lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.Contains("95% interval", l));
        Assert.Contains("RNN (final state, regularised)", lines[1]);
        Assert.Contains("RNN (final state, no regularisation)", lines[1]);
        Assert.Contains("RNN (max over time, no regularisation)", lines[4]);
        Assert.Contains("RNN (final state, no regularisation)", lines[4]);
        Assert.Contains("RNN (max over time, regularised)", lines[5]);
        Assert.Contains("RNN (final state, regularised)", lines[5]);
    }

    [Fact]
    public void Without_the_unregularised_variants_only_the_final_state_is_trained_and_one_line_is_printed()
    {
        var data = TwoTopics();
        using var runs = Lesson.CompareVariants(data, seeds: 2, Lesson.Options(CellKind.Rnn, data));
        var ablation = Lesson.CompareReadouts(data, runs, CellKind.Rnn, withoutRegularisation: false);

        Assert.Equal(["RNN (final state, regularised)", "RNN (max over time, regularised)"], ablation.Runs.Variants.Select(v => v.Run).Order());
        Assert.All(ablation.Runs.Variants, v => Assert.Equal(2, v.Seeds.Count));
        foreach (var model in ablation.Runs.Models.Except(runs.Models)) model.Dispose();

        var lines = PrintedEffects(ablation);
        Assert.Equal(2, lines.Length);
        Assert.Equal("What the readout buys, max over time against the final state, both with the recipe's regularisation:", lines[0]);
        Assert.Contains("RNN (max over time, regularised)", lines[1]);
        Assert.Contains("RNN (final state, regularised)", lines[1]);
        Assert.Contains("95% interval", lines[1]);
    }

    [Fact]
    public void A_comparison_without_the_cell_is_refused_naming_its_runs()
    {
        var data = TwoTopics();
        using var runs = Lesson.CompareVariants(data, Lesson.Options(CellKind.Gru, data) with { Hidden = 4, Embedding = 4 });
        var error = Assert.Throws<ArgumentException>(() => Lesson.CompareReadouts(data, runs, CellKind.Lstm));
        Assert.StartsWith("The comparison has no \"LSTM\" to start from; its runs are GRU.", error.Message);
    }
}
