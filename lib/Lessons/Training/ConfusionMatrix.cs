namespace Lessons.Training;

/// <summary>
/// A confusion matrix: Counts[actual, predicted]. Rows and columns follow <see cref="Classes"/>.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, long[,] Counts)
{
    public long Total { get { long t = 0; foreach (long c in Counts) t += c; return t; } }
    public double Accuracy { get { long hit = 0; for (int i = 0; i < Classes.Count; i++) hit += Counts[i, i]; return Total == 0 ? 0 : (double)hit / Total; } }

    /// <summary>Of the rows predicted as class c, the share that really are c (`lessons train` prints it per class).</summary>
    public double Precision(int c)
    {
        long column = 0;
        for (int i = 0; i < Classes.Count; i++) column += Counts[i, c];
        return column == 0 ? 0 : (double)Counts[c, c] / column;
    }

    /// <summary>Of the rows that really are class c, the share predicted as c.</summary>
    public double Recall(int c)
    {
        long row = 0;
        for (int j = 0; j < Classes.Count; j++) row += Counts[c, j];
        return row == 0 ? 0 : (double)Counts[c, c] / row;
    }

    /// <summary>
    /// The largest off-diagonal cell: the actual class and the class it was most often mistaken for (the first such
    /// cell in row order on a tie). Both are -1 when the matrix holds no mistake.
    /// </summary>
    public (int Actual, int Predicted) LargestMistake()
    {
        (int Actual, int Predicted) largest = (-1, -1);
        long most = 0;
        for (int i = 0; i < Classes.Count; i++)
            for (int j = 0; j < Classes.Count; j++)
                if (i != j && Counts[i, j] > most) (largest, most) = ((i, j), Counts[i, j]);
        return largest;
    }
}
