namespace Lessons.Text;

/// <summary>
/// The characters a character-level language model reads and writes, each with an id: <see cref="Start"/> (what the
/// model reads before a headline's first character), <see cref="End"/> (what it writes after the last one),
/// <see cref="Unknown"/> (a character seen fewer than minCount times), then every other character in code-point order.
/// </summary>
public sealed class CharVocabulary
{
    /// <summary>The id the model reads before the first character.</summary>
    public const int Start = 0;

    /// <summary>The id the model writes after the last character: the headline ends here.</summary>
    public const int End = 1;

    /// <summary>The id of a character the vocabulary does not know.</summary>
    public const int Unknown = 2;

    /// <summary>What <see cref="Character"/> gives for <see cref="Unknown"/>.</summary>
    public const char UnknownCharacter = '\uFFFD';

    const int Markers = 3;

    readonly char[] characters;
    readonly Dictionary<char, int> ids;

    CharVocabulary(char[] characters)
    {
        this.characters = characters;
        ids = characters.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i + Markers);
    }

    /// <summary>The characters of <paramref name="texts"/> seen at least <paramref name="minCount"/> times.</summary>
    public static CharVocabulary Build(IEnumerable<string> texts, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var counts = new Dictionary<char, int>();
        foreach (string text in texts)
            foreach (char c in text)
                counts[c] = counts.GetValueOrDefault(c) + 1;
        return new([.. counts.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).Order()]);
    }

    /// <summary>How many ids there are, the markers included: the size of the model's input and output.</summary>
    public int Count => characters.Length + Markers;

    /// <summary>The ids of <paramref name="text"/>'s characters (no markers), <see cref="Unknown"/> for one it does not know.</summary>
    public int[] Encode(string text) => [.. text.Select(c => ids.GetValueOrDefault(c, Unknown))];

    /// <summary>The character of <paramref name="id"/>: <see cref="UnknownCharacter"/> for <see cref="Unknown"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A marker (Start, End) or an id outside the vocabulary.</exception>
    public char Character(long id) => id switch
    {
        Unknown => UnknownCharacter,
        >= Markers when id < Count => characters[id - Markers],
        _ => throw new ArgumentOutOfRangeException(nameof(id), id,
            id is Start or End ? "Start and End are markers, not characters: stop at End." : $"Ids run from 0 to {Count - 1}."),
    };
}
