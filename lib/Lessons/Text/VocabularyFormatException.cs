namespace Lessons.Text;

/// <summary>A vocabulary file that cannot be read: names the file and the line at fault.</summary>
public sealed class VocabularyFormatException(string file, int line, string problem)
    : FormatException($"{file}, line {line}: {problem}")
{
    /// <summary>The file (or the name given to the reader).</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line at fault.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; } = problem;
}
