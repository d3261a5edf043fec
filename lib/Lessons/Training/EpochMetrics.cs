namespace Lessons.Training;

/// <summary>
/// One epoch: running training loss/accuracy, test metrics, speed, and the validation part's metrics when the run
/// holds one out (<see cref="TrainerOptions.ValidationShare"/>; null otherwise).
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    long SamplesSeen,
    double TrainLoss,
    double TrainAccuracy,
    Evaluation Test,
    double Seconds,
    double SamplesPerSecond,
    double PaddingShare,
    Evaluation? Validation = null);
