using Lessons.Models;
using Lessons.Text;

namespace Lessons.Tests.Models;

/// <summary>The unigram and bigram baselines: add-one smoothed counts, measured in bits per character.</summary>
public class CharacterNGramTests
{
    // Ids: Start 0, End 1, Unknown 2, a 3, b 4.
    static readonly int[][] AB = [[3, 4]];

    [Fact]
    public void A_unigram_counts_each_next_token_alone()
    {
        var unigram = CharacterNGram.Unigram(AB, vocabularySize: 5);

        // a, b and End seen once each: (1 + 1) / (3 + 5); Start never: 1 / 8.
        Assert.Equal(0.25, unigram.Probability(CharVocabulary.Start, 3));
        Assert.Equal(0.125, unigram.Probability(4, CharVocabulary.Start));
        Assert.Equal(2.0, unigram.BitsPerCharacter(AB));
    }

    [Fact]
    public void A_bigram_counts_each_next_token_after_the_one_before()
    {
        var bigram = CharacterNGram.Bigram(AB, vocabularySize: 5);

        // Start → a, a → b, b → End, each context seen once: (1 + 1) / (1 + 5).
        Assert.Equal([1 / 3.0, 1 / 3.0, 1 / 3.0], bigram.Probabilities([3, 4]));
        Assert.Equal(1 / 6.0, bigram.Probability(3, 3));
        Assert.Equal(0.2, bigram.Probability(CharVocabulary.Unknown, 3));
        Assert.Equal(Math.Log2(3), bigram.BitsPerCharacter(AB), 12);
        Assert.Equal(Math.Log2(6), bigram.BitsPerCharacter([[4, 3]]), 12);
    }
}
