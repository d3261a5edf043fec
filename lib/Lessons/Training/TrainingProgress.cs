namespace Lessons.Training;

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
