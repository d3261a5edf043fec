namespace Lessons.Training;

/// <summary>
/// A confusion matrix: Counts[actual, predicted]. Rows and columns follow <see cref="Classes"/>.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, long[,] Counts)
{
    public long Total { get { long t = 0; foreach (long c in Counts) t += c; return t; } }
    public double Accuracy { get { long hit = 0; for (int i = 0; i < Classes.Count; i++) hit += Counts[i, i]; return Total == 0 ? 0 : (double)hit / Total; } }
    /// <summary>Of the rows predicted as class c, the share that really are c.</summary>
    public double Precision(int c) { long col = 0; for (int i = 0; i < Classes.Count; i++) col += Counts[i, c]; return col == 0 ? 0 : (double)Counts[c, c] / col; }
    /// <summary>Of the rows that really are class c, the share predicted as c.</summary>
    public double Recall(int c) { long row = 0; for (int j = 0; j < Classes.Count; j++) row += Counts[c, j]; return row == 0 ? 0 : (double)Counts[c, c] / row; }
}

/// <summary>Accuracy for headlines whose token count falls in [From, To).</summary>
public sealed record LengthBucketAccuracy(int From, int To, long Count, double Accuracy);

/// <summary>The test split's verdict after one epoch.</summary>
public sealed record Evaluation(double Loss, double Accuracy, ConfusionMatrix Confusion, IReadOnlyList<LengthBucketAccuracy> ByLength);

/// <summary>One epoch: running training loss/accuracy, test metrics, speed.</summary>
public sealed record EpochMetrics(
    int Epoch,
    long SamplesSeen,
    double TrainLoss,
    double TrainAccuracy,
    Evaluation Test,
    double Seconds,
    double SamplesPerSecond,
    double PaddingShare);

/// <summary>Everything a training run produced, kept for tables and charts.</summary>
public sealed record History(string Name, long Parameters, IReadOnlyList<EpochMetrics> Epochs)
{
    public EpochMetrics Best => Epochs.MaxBy(e => e.Test.Accuracy) ?? throw new InvalidOperationException("No epochs yet.");
    public EpochMetrics Last => Epochs.Count > 0 ? Epochs[^1] : throw new InvalidOperationException("No epochs yet.");
}

/// <summary>Sent while training runs (every few batches): enough for a progress bar or a live notebook display.</summary>
public sealed record TrainingProgress(
    string Name,
    int Epoch,
    int Epochs,
    long SamplesSeen,
    long SamplesInEpoch,
    long EpochSize,
    double RunningLoss,
    double RunningAccuracy,
    double SamplesPerSecond);
