namespace Lessons.Training;

/// <summary>A split's verdict after one epoch (the validation part's or the test split's).</summary>
public sealed record Evaluation(double Loss, double Accuracy, ConfusionMatrix Confusion, IReadOnlyList<LengthBucketAccuracy> ByLength);
