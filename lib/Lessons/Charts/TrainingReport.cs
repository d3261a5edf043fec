using System.Globalization;
using Lessons.Models;
using Lessons.Training;

namespace Lessons.Charts;

/// <summary>
/// One HTML page about a training run that opens offline: a table of epochs, the training curves, the confusion
/// matrix of the chosen epoch, and (given a trace of a test headline) its hidden states and gates.
/// </summary>
public static class TrainingReport
{
    public const string FileName = "report.html";

    /// <summary>
    /// Write <c>report.html</c> into <paramref name="dir"/> (created if needed); returns its full path.
    /// <paramref name="trace"/> is a test headline's trace (the forward one of a bidirectional network, whose
    /// backward trace goes in <paramref name="backward"/>); without one the report has no hidden-state section.
    /// </summary>
    public static string Write(string dir, History history, CellTrace? trace = null, CellTrace? backward = null)
    {
        if (backward is not null && trace is null) throw new ArgumentException("A backward trace needs its forward trace.", nameof(backward));
        IReadOnlyList<CellTrace> directions = trace is null ? [] : backward is null ? [trace] : [trace, backward];
        if (history.Epochs.Count == 0) throw new ArgumentException($"Run \"{history.Name}\" has no epochs to report.", nameof(history));
        var chosen = history.Chosen;
        var page = new ChartPage($"Training report: {history.Name}")
            .Paragraph($"{history.Parameters:N0} parameters, {history.Epochs.Count} epochs, test accuracy " +
                       $"{chosen.Test.Accuracy:0.00%} after epoch {chosen.Epoch}" +
                       (chosen.Validation is { } v ? $" (the epoch chosen on validation, {v.Accuracy:0.00%})." : "."))
            .Heading("Epochs")
            .Table(EpochTable(history))
            .Heading("Training curves")
            .Chart(TrainingCurvesChart.Create([history], $"Training curves: {history.Name}"))
            .Heading($"Confusion matrix (test split, epoch {chosen.Epoch})")
            .Chart(ConfusionMatrixChart.Create(history.ChosenConfusion));
        if (directions.Count > 0)
        {
            page.Heading("Hidden state while reading a test headline")
                .Paragraph(string.Join(" ", directions[0].Tokens))
                .Chart(HiddenStateChart.Create(directions));
            if (directions[0].Gates.Count > 0 && directions[0].Kind != CellKind.Rnn)
                page.Heading("Gates while reading it").Chart(GateActivityChart.Create(directions[0]));
        }
        return page.Save(Path.Combine(dir, FileName));
    }

    static IReadOnlyList<IReadOnlyList<string>> EpochTable(History history)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "epoch", "samples seen", "train loss", "train accuracy", "test loss", "test accuracy", "seconds", "samples/s", "padding" },
        };
        foreach (var e in history.Epochs)
            rows.Add(new[]
            {
                e.Epoch.ToString(CultureInfo.InvariantCulture), e.SamplesSeen.ToString("N0", CultureInfo.InvariantCulture),
                e.TrainLoss.ToString("0.0000", CultureInfo.InvariantCulture), e.TrainAccuracy.ToString("0.00%", CultureInfo.InvariantCulture),
                e.Test.Loss.ToString("0.0000", CultureInfo.InvariantCulture), e.Test.Accuracy.ToString("0.00%", CultureInfo.InvariantCulture),
                e.Seconds.ToString("0.0", CultureInfo.InvariantCulture), e.SamplesPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                e.PaddingShare.ToString("0.0%", CultureInfo.InvariantCulture),
            });
        return rows;
    }
}
