namespace Lessons.Models;

/// <summary>
/// The recurrent cell that reads the headline, one step per token. <see cref="CellKinds"/> names them; the model a user
/// chooses (one of these cells, or the bag of words that has none) is a <see cref="ModelKind"/>.
/// </summary>
public enum CellKind
{
    Rnn,
    Lstm,
    Gru,
}
