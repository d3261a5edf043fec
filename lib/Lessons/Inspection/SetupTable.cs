using System.Globalization;
using Lessons.Models;
using Microsoft.Data.Analysis;

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
            new StringDataFrameColumn("Run", variants.Select(v => v.Run)),
            new StringDataFrameColumn("Readout", options.Select(o => ReadoutName(o.Readout))),
            new DoubleDataFrameColumn("Embedding start (std)", options.Select(o => o.EmbeddingInitStd)),
            new DoubleDataFrameColumn("Dropout", options.Select(o => o.Dropout)),
            new Int32DataFrameColumn("Seeds", variants.Select(v => v.Seeds.Count)),
            new DoubleDataFrameColumn("Test accuracy (%)", variants.Select(v => VariantSummary.Percent(v.TestAccuracy.Mean))),
            new StringDataFrameColumn("Seed range (%)", variants.Select(v => string.Create(CultureInfo.InvariantCulture,
                $"{VariantSummary.Percent(v.TestAccuracy.Min):0.0}–{VariantSummary.Percent(v.TestAccuracy.Max):0.0}"))));
    }

    static string ReadoutName(Readout readout) => readout switch
    {
        Readout.Final => "final state",
        Readout.Mean => "mean over time",
        Readout.Max => "max over time",
        Readout.MaxMean => "max and mean over time",
        _ => readout.ToString(),
    };
}
