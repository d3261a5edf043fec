namespace Lessons.Training;

/// <summary>
/// A split's verdict after one epoch (the validation part's or the test split's). <see cref="Confusion"/> is there for
/// every epoch of a run just trained, and in a history read from a checkpoint for the chosen epoch only: a checkpoint
/// keeps one matrix, not one per epoch (at 1,000 classes each is a million counts). <see cref="Hits"/>, which examples
/// were right, is kept the same way; a history saved before it existed has none.
/// </summary>
public sealed record Evaluation(double Loss, double Accuracy, ConfusionMatrix? Confusion, IReadOnlyList<LengthBucketAccuracy> ByLength,
    ExampleHits? Hits = null);
