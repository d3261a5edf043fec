namespace Lessons.Data;

/// <summary>One AG News article: its class (0..3, an index into <see cref="AgNews.Classes"/>; the files say 1..4),
/// title and description, with their bytes as published (the <c>\</c> and <c>#36;</c> quirks included). A row of a
/// user's own data (<see cref="OwnData"/>) is one too: its label indexes <see cref="TextClassificationData.Classes"/>, its first
/// text column is the title and the others, joined by spaces, the description.</summary>
public sealed record LabeledText(int Label, string Title, string Description)
{
    /// <summary>What the model reads: the title, a space, the description (as torchtext joins them).</summary>
    public string Text => Title + " " + Description;
}
