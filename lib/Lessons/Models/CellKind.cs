namespace Lessons.Models;

/// <summary>
/// What reads the headline: a recurrent layer of one of three cells, or no recurrence at all (the bag-of-words
/// baseline). <see cref="CellKinds"/> names and parses them.
/// </summary>
public enum CellKind
{
    Rnn,
    Lstm,
    Gru,
    /// <summary>No recurrent cell: the mean of the headline's embeddings (<see cref="BagOfWordsClassifier"/>).</summary>
    BagOfWords,
}
