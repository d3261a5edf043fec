using Lessons.Text;

namespace Lessons.Tests.Text;

/// <summary>The character vocabulary: markers first, then the characters in code-point order; rare ones are Unknown.</summary>
public class CharVocabularyTests
{
    [Fact]
    public void Markers_come_first_then_the_characters_in_code_point_order()
    {
        var vocabulary = CharVocabulary.Build(["ba", "ab!"]);

        Assert.Equal(6, vocabulary.Count);
        Assert.Equal([4, 5, 3], vocabulary.Encode("ab!"));
        Assert.Equal('!', vocabulary.Character(3));
        Assert.Equal('b', vocabulary.Character(5));
    }

    [Fact]
    public void Characters_seen_fewer_than_min_count_times_and_unseen_ones_are_unknown()
    {
        var vocabulary = CharVocabulary.Build(["aab", "a"], minCount: 2);

        Assert.Equal(4, vocabulary.Count);
        Assert.Equal([3, CharVocabulary.Unknown, CharVocabulary.Unknown], vocabulary.Encode("abz"));
        Assert.Equal(CharVocabulary.UnknownCharacter, vocabulary.Character(CharVocabulary.Unknown));
    }

    [Fact]
    public void The_markers_are_not_characters()
    {
        var vocabulary = CharVocabulary.Build(["a"]);

        var end = Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Character(CharVocabulary.End));
        Assert.StartsWith("Start and End are markers, not characters: stop at End.", end.Message);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Character(4));
        Assert.StartsWith("Ids run from 0 to 3.", outside.Message);
    }
}
