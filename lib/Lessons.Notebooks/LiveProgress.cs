using System.Globalization;
using System.Net;
using System.Text;
using Lessons.Training;

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
            display = Kit.Show(new HtmlMarkup($"<b>{WebUtility.HtmlEncode(name)}</b>: starting…", $"{name}: starting…"));
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

    /// <summary>One line for an epoch, test accuracy first (what says how the model will do on new text).</summary>
    public static string Line(string name, EpochMetrics e) => string.Create(CultureInfo.InvariantCulture,
        $"{name} epoch {e.Epoch}: test accuracy {e.Test.Accuracy:P1}, test loss {e.Test.Loss:F3} | " +
        $"train accuracy {e.TrainAccuracy:P1}, train loss {e.TrainLoss:F3} | " +
        $"{e.Seconds:F1} s, {e.SamplesPerSecond:N0} samples/s");

    HtmlMarkup Render()
    {
        var html = new StringBuilder($"<div><b>{WebUtility.HtmlEncode(name)}</b>");
        if (current is { } p && p.SamplesInEpoch < p.EpochSize)
            html.Append(CultureInfo.InvariantCulture,
                $"<div>epoch {p.Epoch}/{p.Epochs} " +
                $"<progress value=\"{p.SamplesInEpoch}\" max=\"{p.EpochSize}\"></progress> " +
                $"{p.SamplesInEpoch:N0}/{p.EpochSize:N0} · running loss {p.RunningLoss:F3} · " +
                $"running accuracy {p.RunningAccuracy:P1} · {p.SamplesPerSecond:N0} samples/s</div>");
        if (finished.Count > 0)
        {
            html.Append("<table><tr><th>epoch</th><th>test accuracy</th><th>test loss</th><th>train accuracy</th>" +
                "<th>train loss</th><th>seconds</th><th>samples/s</th></tr>");
            foreach (var e in finished)
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{e.Epoch}</td><td><b>{e.Test.Accuracy:P1}</b></td><td>{e.Test.Loss:F3}</td>" +
                    $"<td>{e.TrainAccuracy:P1}</td><td>{e.TrainLoss:F3}</td><td>{e.Seconds:F1}</td>" +
                    $"<td>{e.SamplesPerSecond:N0}</td></tr>");
            html.Append("</table>");
        }
        string text = finished.Count > 0 ? Line(name, finished[^1]) : $"{name}: running…";
        return new HtmlMarkup(html.Append("</div>").ToString(), text);
    }
}
