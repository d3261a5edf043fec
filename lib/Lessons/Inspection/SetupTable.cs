using Lessons.Models;
using Microsoft.Data.Analysis;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Inspection;

/// <summary>
/// Variants that differ in their set-up as well as in their cell, as one table: beside each variant's mean test
/// accuracy and seed range, the classifier settings that differ between the lesson's original models and the recipe
/// (readout, starting size of the embeddings, dropout), so a reader sees what else changed besides the cell.
/// </summary>
public static class SetupTable
{
    /// <summary>One row per variant; <paramref name="options"/>[i] built the models of <paramref name="variants"/>[i].</summary>
    public static DataFrame Create(IReadOnlyList<VariantSummary> variants, IReadOnlyList<ClassifierOptions> options)
    {
        if (variants.Count != options.Count)
            throw new ArgumentException($"{variants.Count} variants but {options.Count} sets of options: give one per variant.", nameof(options));
        return new DataFrame(
            new StringDataFrameColumn(Words.Text("table.run"), variants.Select(v => v.Run)),
            new StringDataFrameColumn(Words.Text("table.readout"), options.Select(o => ReadoutName(o.Readout))),
            new DoubleDataFrameColumn(Words.Text("table.embedding-start"), options.Select(o => o.EmbeddingInitStd)),
            new DoubleDataFrameColumn(Words.Text("table.dropout"), options.Select(o => o.Dropout)),
            new Int32DataFrameColumn(Words.Text("table.seeds"), variants.Select(v => v.Seeds.Count)),
            new PercentColumn(Words.Text("table.test-accuracy"), variants.Select(v => v.TestAccuracy.Mean)),
            new StringDataFrameColumn(Words.Text("table.seed-range"), variants.Select(v => VariantSummary.Range(v.TestAccuracy))));
    }

    internal static string ReadoutName(Readout readout) => readout switch
    {
        Readout.Final => Words.Text("readout.final"),
        Readout.Mean => Words.Text("readout.mean"),
        Readout.Max => Words.Text("readout.max"),
        Readout.MaxMean => Words.Text("readout.max-mean"),
        _ => readout.ToString(),
    };
}
