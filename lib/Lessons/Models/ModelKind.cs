namespace Lessons.Models;

/// <summary>
/// The model a user chooses (`lessons train --model`): a recurrent classifier with one of the three cells, or the
/// bag-of-words baseline, which has no cell. <see cref="ModelKinds"/> names and parses them.
/// </summary>
public enum ModelKind
{
    Rnn,
    Lstm,
    Gru,
    /// <summary>No recurrent cell: the mean of the headline's embeddings (<see cref="BagOfWordsClassifier"/>).</summary>
    BagOfWords,
}
