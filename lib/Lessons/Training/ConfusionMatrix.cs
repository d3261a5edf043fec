namespace Lessons.Training;

/// <summary>
/// A confusion matrix: Counts[actual, predicted]. Rows and columns follow <see cref="Classes"/>.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, long[,] Counts)
{
    public long Total { get { long t = 0; foreach (long c in Counts) t += c; return t; } }
    public double Accuracy { get { long hit = 0; for (int i = 0; i < Classes.Count; i++) hit += Counts[i, i]; return Total == 0 ? 0 : (double)hit / Total; } }
}
