using Lessons.Models;

namespace Lessons.Tests.Models;

public sealed class ModelKindTests
{
    [Fact]
    public void A_cell_kind_is_a_cell_and_the_bag_of_words_is_a_model_without_one()
    {
        Assert.Equal([CellKind.Rnn, CellKind.Lstm, CellKind.Gru], Enum.GetValues<CellKind>());
        Assert.Equal(Enum.GetValues<CellKind>(), CellKinds.All);
        Assert.Equal([CellKind.Rnn, CellKind.Lstm, CellKind.Gru, null], Enum.GetValues<ModelKind>().Select(ModelKinds.Cell));
        Assert.Equal(["rnn", "lstm", "gru"], CellKinds.All.Select(CellKinds.Name));
    }
}
