namespace Lessons.Inspection;

/// <summary>One measure over the seeds of a variant: the mean, and the lowest and highest seed.</summary>
public sealed record SeedSpread(double Mean, double Min, double Max)
{
    public static SeedSpread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) throw new ArgumentException("No values to summarise.", nameof(values));
        return new SeedSpread(list.Average(), list.Min(), list.Max());
    }

    /// <summary>Whether the lowest-to-highest ranges share a value (ranges that only touch overlap).</summary>
    public bool Overlaps(SeedSpread other) => Min <= other.Max && other.Min <= Max;
}
