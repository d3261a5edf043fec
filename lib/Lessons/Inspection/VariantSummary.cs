using Lessons.Training;
using Microsoft.Data.Analysis;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Inspection;

/// <summary>
/// One variant in a comparison: its runs (one per seed, all with the variant's name), the test accuracy of the epoch
/// each run kept (chosen on validation, see <see cref="History.ChosenEpoch"/>), that epoch's validation accuracy,
/// speed, and the variant's parameters by part.
/// </summary>
public sealed record VariantSummary(string Run, IReadOnlyList<History> Seeds, ParameterCounts Parameters)
{
    public SeedSpread TestAccuracy => SeedSpread.Of(Seeds.Select(s => s.Chosen.Test.Accuracy));
    public SeedSpread? ValidationAccuracy => Seeds.All(s => s.Chosen.Validation is not null)
        ? SeedSpread.Of(Seeds.Select(s => s.Chosen.Validation!.Accuracy)) : null;
    public SeedSpread FinalTestAccuracy => SeedSpread.Of(Seeds.Select(s => s.Last.Test.Accuracy));
    public SeedSpread SecondsPerEpoch => SeedSpread.Of(Seeds.Select(s => s.SecondsPerEpoch));
    public SeedSpread SamplesPerSecond => SeedSpread.Of(Seeds.Select(s => Median.Of(s.Epochs.Select(e => e.SamplesPerSecond))));
    public SeedSpread PaddingShare => SeedSpread.Of(Seeds.Select(s => s.Epochs.Average(e => e.PaddingShare)));
    public IReadOnlyList<int> ChosenEpochs => Seeds.Select(s => s.Chosen.Epoch).ToList();

    /// <summary>
    /// The variants of a comparison, in order of first appearance: runs with the same name are seeds of one variant.
    /// <paramref name="parameters"/>[i] are the parameters of <paramref name="runs"/>[i]; every run needs an epoch.
    /// </summary>
    public static IReadOnlyList<VariantSummary> Of(IReadOnlyList<History> runs, IReadOnlyList<ParameterCounts> parameters)
    {
        if (runs.Count != parameters.Count)
            throw new ArgumentException($"{runs.Count} runs but {parameters.Count} parameter counts: give one per run.", nameof(parameters));
        var empty = runs.FirstOrDefault(r => r.Epochs.Count == 0);
        if (empty is not null) throw new ArgumentException($"Run \"{empty.Name}\" has no epochs.", nameof(runs));
        return runs.Select((run, i) => (run, counts: parameters[i]))
            .GroupBy(r => r.run.Name)
            .Select(g =>
            {
                var counts = g.Select(r => r.counts).Distinct().ToList();
                if (counts.Count > 1)
                    throw new ArgumentException($"The runs named \"{g.Key}\" differ in their parameters, so they are not seeds of one variant: give each variant its own name.", nameof(runs));
                return new VariantSummary(g.Key, g.Select(r => r.run).ToList(), counts[0]);
            })
            .ToList();
    }

    /// <summary>
    /// The comparison as a DataFrame (one row per variant) for a notebook table, accuracies in percent rounded for
    /// reading. With several seeds per variant the accuracies, times and padding are means, and two columns say how many
    /// seeds and how far apart the lowest and highest best accuracy lie.
    /// </summary>
    public static DataFrame ToDataFrame(IReadOnlyList<History> runs, IReadOnlyList<ParameterCounts> parameters)
    {
        var rows = Of(runs, parameters);
        bool seeds = rows.Any(r => r.Seeds.Count > 1);
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn(Words.Text("table.run"), rows.Select(r => r.Run)) };
        if (seeds) columns.Add(new Int32DataFrameColumn(Words.Text("table.seeds"), rows.Select(r => r.Seeds.Count)));
        columns.Add(new PercentColumn(Words.Text("table.test-accuracy"), rows.Select(r => r.TestAccuracy.Mean)));
        if (seeds) columns.Add(new StringDataFrameColumn(Words.Text("table.seed-range"), rows.Select(r => Range(r.TestAccuracy))));
        columns.Add(new StringDataFrameColumn(Words.Text("table.chosen-epoch"), rows.Select(r => string.Join(", ", r.ChosenEpochs))));
        columns.Add(new PercentColumn(Words.Text("table.validation-accuracy"), rows.Select(r => r.ValidationAccuracy?.Mean)));
        columns.Add(new PercentColumn(Words.Text("table.final-test-accuracy"), rows.Select(r => r.FinalTestAccuracy.Mean)));
        columns.Add(new SecondsColumn(Words.Text("table.seconds-per-epoch"), rows.Select(r => r.SecondsPerEpoch.Mean)));
        columns.Add(new DoubleDataFrameColumn(Words.Text("table.samples-per-second"), rows.Select(r => Math.Round(r.SamplesPerSecond.Mean))));
        columns.Add(new PercentColumn(Words.Text("table.padding"), rows.Select(r => r.PaddingShare.Mean)));
        columns.Add(new Int64DataFrameColumn(Words.Text("table.recurrent-parameters"), rows.Select(r => r.Parameters.Recurrent)));
        columns.Add(new Int64DataFrameColumn(Words.Text("table.embedding-parameters"), rows.Select(r => r.Parameters.Embedding)));
        columns.Add(new Int64DataFrameColumn(Words.Text("table.output-parameters"), rows.Select(r => r.Parameters.Output)));
        columns.Add(new Int64DataFrameColumn(Words.Text("table.parameters"), rows.Select(r => r.Parameters.Total)));
        return new DataFrame(columns);
    }

    /// <summary>A share (0..1) as a percentage with one decimal, the way the tables show it.</summary>
    public static double Percent(double share) => Math.Round(100 * share, 1);

    /// <summary>A seed range in percent as the tables show it: "85.1–85.9" (Turkish "85,1–85,9").</summary>
    internal static string Range(SeedSpread s) => Words.Format("table.range", Percent(s.Min), Percent(s.Max));
}
