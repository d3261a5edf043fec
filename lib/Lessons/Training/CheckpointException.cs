namespace Lessons.Training;

/// <summary>A checkpoint that cannot be written or read: names the file (or folder) at fault and what is wrong.</summary>
public sealed class CheckpointException(string file, string problem, Exception? inner = null)
    : IOException($"{file}: {problem}", inner)
{
    /// <summary>The file or folder at fault.</summary>
    public string File { get; } = file;

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; } = problem;
}
