namespace Lessons.Data;

/// <summary>
/// Splits rows into train and test so that each class keeps its share in both: of each class's rows, a seeded shuffle
/// picks round(count × testShare) for testing (at least one, and at least one left for training). Both parts keep
/// the rows' original order, so the same labels, share and seed give the same split.
/// </summary>
internal static class StratifiedSplit
{
    /// <summary>The row indices of each part.</summary>
    /// <param name="tooFew">The message when a class has a single row (it cannot be in both parts).</param>
    /// <exception cref="InvalidDataException">A class has one row only.</exception>
    public static (int[] Train, int[] Test) Split(int[] labels, int classes, double testShare, int seed, Func<int, string> tooFew)
    {
        var random = new Random(seed);
        var test = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            int[] rows = [.. Enumerable.Range(0, labels.Length).Where(i => labels[i] == c)];
            if (rows.Length == 0) continue; // a class named in classes.txt but absent from the data
            if (rows.Length == 1) throw new InvalidDataException(tooFew(c));
            random.Shuffle(rows);
            int take = Math.Clamp((int)Math.Round(rows.Length * testShare, MidpointRounding.AwayFromZero), 1, rows.Length - 1);
            test.AddRange(rows[..take]);
        }
        var inTest = test.ToHashSet();
        return ([.. Enumerable.Range(0, labels.Length).Where(i => !inTest.Contains(i))], [.. test.Order()]);
    }
}
