using System.Globalization;
using System.Net;
using System.Text;
using Lessons.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Notebooks;

/// <summary>
/// Shows a training run while it happens. In a notebook: one display, updated in place (a progress bar for the
/// running epoch above a table of the finished ones), so a run leaves one output, not hundreds of lines.
/// Outside a notebook: one console line per finished epoch.
/// </summary>
public sealed class LiveProgress : IProgress<TrainingProgress>
{
    readonly string name;
    readonly List<EpochMetrics> finished = [];
    readonly DisplayedValue? display;
    TrainingProgress? current;

    LiveProgress(string name, DisplayedValue? display) => (this.name, this.display) = (name, display);

    /// <summary>Starts showing the run called <paramref name="name"/>.</summary>
    public static LiveProgress Show(string name)
    {
        // Through the invocation context, not value.Display(): that returns a handle whose id differs from the shown
        // output's, so its updates would never land (see LiveDisplay).
        var shown = KernelInvocationContext.Current is { } context ? context.Display(new HtmlString(Header(name)), "text/html") : null;
        return new LiveProgress(name, shown);
    }

    public void Report(TrainingProgress value)
    {
        current = value;
        display?.Update(new HtmlString(Render()));
    }

    /// <summary>Call when an epoch's test evaluation is in.</summary>
    public void EpochCompleted(EpochMetrics epoch)
    {
        finished.Add(epoch);
        if (display is not null) display.Update(new HtmlString(Render()));
        else Console.WriteLine(Line(name, epoch));
    }

    /// <summary>One line for an epoch, test accuracy first (the number that says how the model will do on new text).</summary>
    public static string Line(string name, EpochMetrics e) => string.Create(CultureInfo.InvariantCulture,
        $"{name} epoch {e.Epoch}: test accuracy {e.Test.Accuracy:P1}, test loss {e.Test.Loss:F3} | train accuracy {e.TrainAccuracy:P1}, " +
        $"train loss {e.TrainLoss:F3} | {e.Seconds:F1} s, {e.SamplesPerSecond:N0} samples/s");

    static string Header(string name) => $"<b>{WebUtility.HtmlEncode(name)}</b>: starting…";

    string Render()
    {
        var html = new StringBuilder($"<div><b>{WebUtility.HtmlEncode(name)}</b>");
        if (current is { } p && p.SamplesInEpoch < p.EpochSize)
            html.Append(CultureInfo.InvariantCulture,
                $"<div>epoch {p.Epoch}/{p.Epochs} <progress value=\"{p.SamplesInEpoch}\" max=\"{p.EpochSize}\"></progress> " +
                $"{p.SamplesInEpoch:N0}/{p.EpochSize:N0} · running loss {p.RunningLoss:F3} · running accuracy {p.RunningAccuracy:P1} · {p.SamplesPerSecond:N0} samples/s</div>");
        if (finished.Count > 0)
        {
            html.Append("<table><tr><th>epoch</th><th>test accuracy</th><th>test loss</th><th>train accuracy</th><th>train loss</th><th>seconds</th><th>samples/s</th></tr>");
            foreach (var e in finished)
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{e.Epoch}</td><td><b>{e.Test.Accuracy:P1}</b></td><td>{e.Test.Loss:F3}</td><td>{e.TrainAccuracy:P1}</td><td>{e.TrainLoss:F3}</td><td>{e.Seconds:F1}</td><td>{e.SamplesPerSecond:N0}</td></tr>");
            html.Append("</table>");
        }
        return html.Append("</div>").ToString();
    }
}
