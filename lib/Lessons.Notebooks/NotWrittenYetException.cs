namespace Lessons.Notebooks;

/// <summary>
/// What a stub in the student edition throws (see <c>lessons student-edition</c>): a piece the student has still to
/// write. It says which piece and what to do, and nothing else: a student who runs a cell that needs the piece sees
/// one line, not a stack trace into the notebook's generated code, which would only bury the point.
/// </summary>
public sealed class NotWrittenYetException(string piece)
    : NotImplementedException(Lessons.Localization.KitLanguage.Words.Format("step.not-written",
        $"{char.ToUpperInvariant(piece[0])}{piece[1..]}"))
{
    /// <summary>The piece still to write, as its stub names it (<c>RnnStep</c>, <c>RnnClassifier's constructor</c>).</summary>
    public string Piece { get; } = piece;

    public override string? StackTrace => null;

    public override string ToString() => Message;
}
