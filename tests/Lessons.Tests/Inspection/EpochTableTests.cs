using Lessons.Inspection;
using Lessons.Tests.Charts;

namespace Lessons.Tests.Inspection;

public class EpochTableTests
{
    [Fact]
    public void One_row_per_epoch_with_the_chosen_one_marked()
    {
        var run = ChartSamples.Run("LSTM", 1000, epochs: 4, seed: 2);

        var table = EpochTable.Create(run);

        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(["Epoch", "Test accuracy (%)", "Test loss", "Validation accuracy (%)", "Training accuracy (%)", "Training loss", "Seconds", "Chosen"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(["", "", "✓", ""], table["Chosen"].Cast<string>());
        Assert.Equal(Math.Round(100 * run.Epochs[2].Test.Accuracy, 1), (double)table["Test accuracy (%)"][2]!);
    }
}
