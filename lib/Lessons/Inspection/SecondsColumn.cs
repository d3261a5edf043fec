using Microsoft.Data.Analysis;

namespace Lessons.Inspection;

/// <summary>
/// A table column of seconds, which a notebook shows with two decimals always (1.40 beside 1.19, never 1.4), written
/// the way the language writes a number (1,40 in Turkish). The values stay numbers a notebook can sort and compute with.
/// </summary>
public sealed class SecondsColumn : DoubleDataFrameColumn
{
    /// <summary>A column named <paramref name="name"/> of seconds, rounded to two decimals.</summary>
    public SecondsColumn(string name, IEnumerable<double> seconds) : base(name, seconds.Select(s => (double?)Math.Round(s, 2)))
    {
    }
}
