namespace Lessons.Data;

/// <summary>
/// The tagging task of the deep dive after notebook 5, made from real headlines: every token of a text is tagged with
/// the sides on which the text has a number, <see cref="Neither"/>, <see cref="Before"/> (only to its left),
/// <see cref="After"/> (only to its right) or <see cref="Both"/>. The left half of a tag a model reading left to right
/// has seen when it tags the token; the right half it has not: the word that decides it is the first number to the
/// token's right (<see cref="Distances"/>). A number is a token that begins with a digit (<c>10</c>, <c>2004</c>, <c>3rd</c>).
/// </summary>
public static class NumberSideTags
{
    /// <summary>The tags: no number on either side, a number only before the token, only after it, on both sides.</summary>
    public const int Neither = 0, Before = 1, After = 2, Both = 3;

    /// <summary>How many tags there are.</summary>
    public const int Count = 4;

    /// <summary>Whether <paramref name="token"/> is a number: it begins with a digit.</summary>
    public static bool IsNumber(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);

    /// <summary>The tag of every token of <paramref name="tokens"/>.</summary>
    public static int[] Of(IReadOnlyList<string> tokens)
    {
        var distances = Distances(tokens);
        var tags = new int[tokens.Count];
        bool seen = false;                                 // a number to the left of token t
        for (int t = 0; t < tokens.Count; t++)
        {
            tags[t] = (seen ? Before : Neither) + (distances[t] > 0 ? After : Neither);
            seen |= IsNumber(tokens[t]);
        }
        return tags;
    }

    /// <summary>
    /// For every token of <paramref name="tokens"/>, how far to its right the word that decides the right half of its
    /// tag lies: 1 when the next token is a number, 2 when the one after it is the first, and so on; 0 when no number
    /// follows.
    /// </summary>
    public static int[] Distances(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var distances = new int[tokens.Count];
        int next = -1;                                     // the position of the nearest number to the right so far
        for (int t = tokens.Count - 1; t >= 0; t--)
        {
            distances[t] = next < 0 ? 0 : next - t;
            if (IsNumber(tokens[t])) next = t;
        }
        return distances;
    }
}
