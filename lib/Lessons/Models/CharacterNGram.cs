using Lessons.Text;

namespace Lessons.Models;

/// <summary>
/// The baselines a character language model must beat: the probability of the next character (or
/// <see cref="CharVocabulary.End"/>) from counts in the training headlines, with add-one smoothing over the whole
/// vocabulary. A unigram model uses no context; a bigram model the previous character only
/// (<see cref="CharVocabulary.Start"/> before the first).
/// </summary>
public sealed class CharacterNGram
{
    readonly long[,] counts;     // [context, next]: one context for a unigram, one per id for a bigram
    readonly long[] totals;
    readonly bool bigram;

    CharacterNGram(int size, bool bigram)
    {
        this.bigram = bigram;
        counts = new long[bigram ? size : 1, size];
        totals = new long[bigram ? size : 1];
    }

    /// <summary>Counts of each next token alone, over <paramref name="headlines"/> (character ids).</summary>
    public static CharacterNGram Unigram(IEnumerable<int[]> headlines, int vocabularySize) => Count(headlines, vocabularySize, false);

    /// <summary>Counts of each next token after each previous one, over <paramref name="headlines"/> (character ids).</summary>
    public static CharacterNGram Bigram(IEnumerable<int[]> headlines, int vocabularySize) => Count(headlines, vocabularySize, true);

    static CharacterNGram Count(IEnumerable<int[]> headlines, int size, bool bigram)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var model = new CharacterNGram(size, bigram);
        foreach (var (context, next) in headlines.SelectMany(Pairs))
        {
            int row = bigram ? context : 0;
            model.counts[row, next]++;
            model.totals[row]++;
        }
        return model;
    }

    /// <summary>The (previous, next) pairs a headline asks for: Start → first character, …, last character → End.</summary>
    static IEnumerable<(int Previous, int Next)> Pairs(int[] headline) =>
        headline.Prepend(CharVocabulary.Start).Zip(headline.Append(CharVocabulary.End));

    /// <summary>P(next | previous) with add-one smoothing: (count + 1) / (context count + vocabulary size).</summary>
    public double Probability(int previous, int next)
    {
        int row = bigram ? previous : 0;
        return (counts[row, next] + 1.0) / (totals[row] + counts.GetLength(1));
    }

    /// <summary>The probability this model gives each character of <paramref name="headline"/> and then End, in order.</summary>
    public double[] Probabilities(int[] headline) => [.. Pairs(headline).Select(p => Probability(p.Previous, p.Next))];

    /// <summary>The mean of −log₂ P over every character and End of <paramref name="headlines"/>.</summary>
    public double BitsPerCharacter(IEnumerable<int[]> headlines)
    {
        double bits = 0;
        long n = 0;
        foreach (var (previous, next) in headlines.SelectMany(Pairs))
        {
            bits -= Math.Log2(Probability(previous, next));
            n++;
        }
        return n > 0 ? bits / n : throw new ArgumentException("No headlines to measure.", nameof(headlines));
    }
}
