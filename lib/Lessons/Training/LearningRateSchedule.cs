namespace Lessons.Training;

/// <summary>How the learning rate moves over a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>The same rate every step.</summary>
    Constant,
    /// <summary>Half a cosine from the rate down to a hundredth of it at the last step.</summary>
    Cosine,
}
