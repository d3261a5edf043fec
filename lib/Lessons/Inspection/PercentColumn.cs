using Microsoft.Data.Analysis;

namespace Lessons.Inspection;

/// <summary>
/// A table column of percentages (84.7 for 84.7 %), which a notebook shows the way the language writes a percentage:
/// 84.7 under a header that says (%) in English, %84,7 in Turkish, always with one decimal, so 85.0 never stands as
/// 85 beside 84.7. The values stay numbers a notebook can sort and compute with.
/// </summary>
public sealed class PercentColumn : DoubleDataFrameColumn
{
    /// <summary>A column named <paramref name="name"/> of shares (0..1), held as percentages rounded to one decimal.</summary>
    public PercentColumn(string name, IEnumerable<double?> shares)
        : base(name, shares.Select(s => s is { } share ? VariantSummary.Percent(share) : (double?)null))
    {
    }

    /// <summary>A column of shares (0..1) as percentages.</summary>
    public PercentColumn(string name, IEnumerable<double> shares) : this(name, shares.Select(s => (double?)s))
    {
    }
}
