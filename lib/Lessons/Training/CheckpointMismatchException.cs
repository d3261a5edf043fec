namespace Lessons.Training;

/// <summary>A checkpoint's weights do not fit the model they were to be loaded into; the message names each option that differs.</summary>
public sealed class CheckpointMismatchException(string folder, IReadOnlyList<string> differences)
    : Exception($"The checkpoint in {folder} does not fit this model: {string.Join("; ", differences)}.")
{
    public string Folder { get; } = folder;
    /// <summary>One entry per differing option, e.g. "Hidden is 32 in the checkpoint but 64 in the model".</summary>
    public IReadOnlyList<string> Differences { get; } = differences;
}
