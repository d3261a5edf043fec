using System.Net;
using System.Text;
using Lessons.Training;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// Shows a training run while it happens. In a notebook: one <see cref="LiveDisplay"/>, updated in place (a progress
/// bar for the running epoch above a table of the finished ones), so a run leaves one output, not hundreds of lines.
/// Outside a notebook: one console line per finished epoch.
/// </summary>
internal sealed class LiveProgress : IProgress<TrainingProgress>
{
    readonly string name;
    readonly List<EpochMetrics> finished = [];
    readonly LiveDisplay? display;
    TrainingProgress? current;

    LiveProgress(string name)
    {
        this.name = name;
        if (Kit.InNotebook)
            display = Kit.Show(new HtmlMarkup($"<b>{WebUtility.HtmlEncode(name)}</b>: {Words.Text("progress.starting")}",
                $"{name}: {Words.Text("progress.starting")}"));
    }

    /// <summary>Starts showing the run called <paramref name="name"/>.</summary>
    public static LiveProgress Show(string name) => new(name);

    public void Report(TrainingProgress value)
    {
        current = value;
        display?.Update(Render());
    }

    /// <summary>Call when an epoch's test evaluation is in.</summary>
    public void EpochCompleted(EpochMetrics epoch)
    {
        finished.Add(epoch);
        if (display is null) Console.WriteLine(Line(name, epoch));
        else display.Update(Render());
    }

    /// <summary>Empties the display (a run of a comparison, once it is done: the comparison prints the summary).</summary>
    public void Clear() => display?.Clear();

    /// <summary>One line for an epoch, test accuracy first (what says how the model will do on new text).</summary>
    public static string Line(string name, EpochMetrics e) => Words.Format("progress.epoch", name, e.Epoch,
        e.Test.Accuracy, e.Test.Loss, e.TrainAccuracy, e.TrainLoss, e.Seconds, e.SamplesPerSecond);

    HtmlMarkup Render()
    {
        var html = new StringBuilder($"<div><b>{WebUtility.HtmlEncode(name)}</b>");
        if (current is { } p && p.SamplesInEpoch < p.EpochSize)
            html.Append(Words.Format("progress.running-html", p.Epoch, p.Epochs, p.SamplesInEpoch, p.EpochSize,
                p.RunningLoss, p.RunningAccuracy, p.SamplesPerSecond));
        if (finished.Count > 0)
        {
            html.Append(Words.Text("progress.table-head-html"));
            foreach (var e in finished)
                html.Append(Words.Format("progress.table-row-html", e.Epoch, e.Test.Accuracy, e.Test.Loss,
                    e.TrainAccuracy, e.TrainLoss, e.Seconds, e.SamplesPerSecond));
            html.Append("</table>");
        }
        string text = finished.Count > 0 ? Line(name, finished[^1]) : $"{name}: {Words.Text("progress.running")}";
        return new HtmlMarkup(html.Append("</div>").ToString(), text);
    }
}
