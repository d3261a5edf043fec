using Lessons.Training;
using Microsoft.Data.Analysis;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Inspection;

/// <summary>
/// One run's epochs as a DataFrame, one row each: test accuracy and loss, validation accuracy (when the run held a
/// validation part out), training accuracy and loss, seconds, and a mark on the chosen epoch. Accuracies in percent.
/// </summary>
public static class EpochTable
{
    public static DataFrame Create(History history)
    {
        var epochs = history.Epochs;
        int chosen = history.Chosen.Epoch;
        return new DataFrame(
            new Int32DataFrameColumn(Words.Text("table.epoch"), epochs.Select(e => e.Epoch)),
            new PercentColumn(Words.Text("table.test-accuracy"), epochs.Select(e => e.Test.Accuracy)),
            new DoubleDataFrameColumn(Words.Text("table.test-loss"), epochs.Select(e => Math.Round(e.Test.Loss, 3))),
            new PercentColumn(Words.Text("table.validation-accuracy"), epochs.Select(e => e.Validation?.Accuracy)),
            new PercentColumn(Words.Text("table.train-accuracy"), epochs.Select(e => e.TrainAccuracy)),
            new DoubleDataFrameColumn(Words.Text("table.train-loss"), epochs.Select(e => Math.Round(e.TrainLoss, 3))),
            new SecondsColumn(Words.Text("table.seconds"), epochs.Select(e => e.Seconds)),
            new StringDataFrameColumn(Words.Text("table.chosen"), epochs.Select(e => e.Epoch == chosen ? "✓" : "")));
    }
}
