namespace Lessons.Training;

/// <summary>
/// The middle value of repeated measurements: what a timing reports, because a burst of load from another program
/// moves a mean but hardly the median.
/// </summary>
public static class Median
{
    /// <summary>The median of <paramref name="values"/> (the mean of the two middle ones for an even count).</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
