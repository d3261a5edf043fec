using System.Globalization;
using Lessons.Models;
using Lessons.Training;

namespace Lessons.Charts;

/// <summary>
/// One HTML page about a training run that opens offline: a table of epochs, the training curves, the confusion
/// matrix of the best epoch, and (given a trace of a test headline) its hidden states and gates.
/// </summary>
public static class TrainingReport
{
    public const string FileName = "report.html";

    /// <summary>Write <c>report.html</c> into <paramref name="dir"/> (created if needed); returns its full path.</summary>
    public static string Write(string dir, History history, CellTrace? trace = null) =>
        Write(dir, history, trace is null ? [] : [trace]);

    /// <summary>As above, with one trace per direction for a bidirectional network (forward first).</summary>
    public static string Write(string dir, History history, IReadOnlyList<CellTrace> directions)
    {
        if (history.Epochs.Count == 0) throw new ArgumentException($"Run \"{history.Name}\" has no epochs to report.", nameof(history));
        var best = history.Best;
        var page = new ChartPage($"Training report: {history.Name}")
            .Paragraph($"{history.Parameters:N0} parameters, {history.Epochs.Count} epochs, best test accuracy " +
                       $"{best.Test.Accuracy:0.00%} after epoch {best.Epoch}.")
            .Heading("Epochs")
            .Table(EpochTable(history))
            .Heading("Training curves")
            .Chart(TrainingCurvesChart.Create([history], $"Training curves: {history.Name}"))
            .Heading($"Confusion matrix (test split, epoch {best.Epoch})")
            .Chart(ConfusionMatrixChart.Create(best.Test.Confusion));
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
