using Lessons.Models;

namespace Lessons.Tests.Models;

public sealed class ClassifierNameTests
{
    [Fact]
    public void One_name_per_model_for_every_table_legend_and_console_line()
    {
        var lstm = ClassifierOptions.For(CellKind.Lstm, 100);

        Assert.Equal("LSTM", lstm.Name());
        Assert.Equal("BiGRU", (lstm with { Kind = CellKind.Gru, Bidirectional = true }).Name());
        Assert.Equal("LSTM, 2 layers", (lstm with { Layers = 2 }).Name());
        Assert.Equal("packed BiRNN, 3 layers", (lstm with { Kind = CellKind.Rnn, Packed = true, Bidirectional = true, Layers = 3 }).Name());
        Assert.Equal("bag of words", (lstm with { BagOfWords = true }).Name());
    }
}
