namespace Lessons.Models;

/// <summary>How the classifier turns the per-step outputs into one vector per headline (padding is always excluded).</summary>
public enum Readout
{
    /// <summary>The state after each row's last real token.</summary>
    Final,
    /// <summary>The mean of the outputs over the real tokens.</summary>
    Mean,
    /// <summary>The element-wise maximum of the outputs over the real tokens.</summary>
    Max,
    /// <summary>Max and mean side by side (twice as wide).</summary>
    MaxMean,
}
