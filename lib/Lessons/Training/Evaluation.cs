namespace Lessons.Training;

/// <summary>The test split's verdict after one epoch.</summary>
public sealed record Evaluation(double Loss, double Accuracy, ConfusionMatrix Confusion, IReadOnlyList<LengthBucketAccuracy> ByLength);
