namespace Lessons.Data;

/// <summary>
/// Splits rows into train and test so that each class keeps its share in both: of each class's rows, a seeded shuffle
/// picks round(count × testShare) for testing (at least one, and at least one left for training). Both parts keep
/// the rows' original order, so the same labels, share and seed give the same split. Linear in the rows: one pass
/// sorts them into their classes, one shuffle per class, one pass builds the parts.
/// </summary>
internal static class StratifiedSplit
{
    /// <summary>The row indices of each part.</summary>
    /// <param name="tooFew">The message when a class has a single row (it cannot be in both parts).</param>
    /// <exception cref="InvalidDataException">A class has one row only.</exception>
    public static (int[] Train, int[] Test) Split(int[] labels, int classes, double testShare, int seed, Func<int, string> tooFew)
    {
        var rowsOf = new List<int>[classes];
        for (int c = 0; c < classes; c++) rowsOf[c] = [];
        for (int i = 0; i < labels.Length; i++) rowsOf[labels[i]].Add(i); // each class's rows in their order

        var random = new Random(seed);
        var inTest = new bool[labels.Length];
        int testCount = 0;
        for (int c = 0; c < classes; c++)
        {
            int[] rows = [.. rowsOf[c]];
            if (rows.Length == 0) continue; // a class named in classes.txt but absent from the data
            if (rows.Length == 1) throw new InvalidDataException(tooFew(c));
            random.Shuffle(rows);
            int take = Math.Clamp((int)Math.Round(rows.Length * testShare, MidpointRounding.AwayFromZero), 1, rows.Length - 1);
            foreach (int row in rows.AsSpan(0, take)) inTest[row] = true;
            testCount += take;
        }

        var (train, test) = (new int[labels.Length - testCount], new int[testCount]);
        for (int i = 0, a = 0, b = 0; i < labels.Length; i++)
        {
            if (inTest[i]) test[b++] = i;
            else train[a++] = i;
        }
        return (train, test);
    }
}
