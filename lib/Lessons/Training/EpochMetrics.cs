namespace Lessons.Training;

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
