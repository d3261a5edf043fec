namespace Lessons.Training;

/// <summary>Accuracy for headlines whose token count falls in [From, To).</summary>
public sealed record LengthBucketAccuracy(int From, int To, long Count, double Accuracy);
