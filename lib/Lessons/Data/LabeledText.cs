namespace Lessons.Data;

/// <summary>One AG News article: its class (0..3, an index into <see cref="AgNews.Classes"/>; the files say 1..4),
/// title and description, their HTML escapes decoded as the files are read (<see cref="Decoded"/>; the <c>\</c> where a
/// line break was stays). A row of a user's own data (<see cref="OwnData"/>) is one too: its label indexes
/// <see cref="TextClassificationData.Classes"/>, its first text column is the title and the others, joined by spaces,
/// the description.</summary>
public sealed record LabeledText(int Label, string Title, string Description)
{
    /// <summary>What the model reads: the title, a space, the description (as torchtext joins them).</summary>
    public string Text => Title + " " + Description;

    /// <summary>A row as a file holds it, its title and description decoded by <see cref="HtmlEscapes.Decode"/>: the one
    /// place where AG News and own data are decoded, whichever command or notebook loads them.</summary>
    internal static LabeledText Decoded(int label, string title, string description) =>
        new(label, HtmlEscapes.Decode(title), HtmlEscapes.Decode(description));
}
