namespace Lessons.Data;

/// <summary>An AG News CSV file with a bad row: names the file, the line and what is wrong with it.</summary>
public sealed class DataFormatException(string file, int line, string problem)
    : FormatException(Lessons.Localization.KitLanguage.Words.Format("data.error-at-line", file, line, problem))
{
    /// <summary>The file at fault.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line where the bad row starts.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; } = problem;
}
