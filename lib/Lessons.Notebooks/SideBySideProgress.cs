using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Lessons.Training;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// The live display of trainings running side by side (<see cref="Lesson.TrainSideBySide"/>): one row per training
/// (which epoch, test accuracy so far, time left) and the time left for all. The training threads only record what
/// they report, under a lock; the thread that started them, which owns the notebook output, shows it
/// (<see cref="Refresh"/>). Outside a notebook, one console line per finished epoch. When all are done the display
/// becomes one line: how many trainings ran, and how many at once.
/// </summary>
internal sealed class SideBySideProgress
{
    readonly (string Label, int Epochs)[] trainings;
    readonly int width;
    readonly Lock gate = new();
    readonly long[] started;
    readonly TrainingProgress?[] latest;
    readonly EpochMetrics?[] lastEpoch;
    readonly bool[] done;
    readonly ConcurrentQueue<string> lines = new();
    readonly LiveDisplay? display;
    bool changed;

    public SideBySideProgress((string Label, int Epochs)[] trainings, int width)
    {
        this.trainings = trainings;
        this.width = width;
        started = new long[trainings.Length];
        latest = new TrainingProgress?[trainings.Length];
        lastEpoch = new EpochMetrics?[trainings.Length];
        done = new bool[trainings.Length];
        if (Kit.InNotebook) display = Kit.Show(Render());
    }

    /// <summary>
    /// Runs <paramref name="trainings"/> (labels and epochs) on <paramref name="width"/> threads (<see cref="TrainingPool"/>)
    /// with one display: <paramref name="train"/> trains the one of its index, reporting to the display it is given; each
    /// counts as finished when it returns or throws. Returns the results in order; the display ends in its one line
    /// (<see cref="Finish"/>).
    /// </summary>
    public static T[] Run<T>((string Label, int Epochs)[] trainings, int width, bool timed, Func<int, SideBySideProgress, T> train)
    {
        var progress = new SideBySideProgress(trainings, width);
        var work = Enumerable.Range(0, trainings.Length).Select(index => (Func<T>)(() =>
        {
            try { return train(index, progress); }
            finally { progress.Finished(index); }
        })).ToArray();
        var results = TrainingPool.Run(work, width, progress.Refresh);
        progress.Finish(timed);
        return results;
    }

    /// <summary>Where training <paramref name="index"/> reports its progress (from its own thread).</summary>
    public IProgress<TrainingProgress> Of(int index) => new Reporter(this, index);

    /// <summary>Training <paramref name="index"/> finished an epoch (called from its thread).</summary>
    public void EpochCompleted(int index, EpochMetrics epoch)
    {
        lock (gate)
        {
            lastEpoch[index] = epoch;
            changed = true;
        }
        if (display is null) lines.Enqueue(LiveProgress.Line(trainings[index].Label, epoch));
    }

    /// <summary>Training <paramref name="index"/> is over (called from its thread).</summary>
    public void Finished(int index)
    {
        lock (gate)
        {
            done[index] = true;
            changed = true;
        }
    }

    /// <summary>Shows what changed since the last call (on the thread that owns the output).</summary>
    public void Refresh()
    {
        while (lines.TryDequeue(out var line)) Console.WriteLine(line);
        if (display is null) return;
        lock (gate)
        {
            if (!changed) return;
            changed = false;
        }
        display.Update(Render());
    }

    /// <summary>Replaces the display by the line that says how the trainings ran.</summary>
    public void Finish(bool timed)
    {
        Refresh();
        string line = trainings.Length == 1 ? Words.Text("side.single")
            : timed ? Words.Format("side.one-at-a-time", trainings.Length)
            : Words.Format("side.at-once", trainings.Length, width, Environment.ProcessorCount);
        if (display is null) Console.WriteLine(line);
        else display.Update(new HtmlMarkup($"<div>{WebUtility.HtmlEncode(line)}</div>", line));
    }

    void Report(int index, TrainingProgress progress)
    {
        lock (gate)
        {
            if (started[index] == 0) started[index] = Stopwatch.GetTimestamp();
            latest[index] = progress;
            changed = true;
        }
    }

    /// <summary>Share of training <paramref name="index"/> done (0..1), by epochs and samples.</summary>
    double Done(int index) => done[index] ? 1
        : latest[index] is { } p ? Math.Clamp((p.Epoch - 1 + (double)p.SamplesInEpoch / Math.Max(1, p.EpochSize)) / trainings[index].Epochs, 0, 1)
        : 0;

    /// <summary>Seconds training <paramref name="index"/> still needs at its pace so far (null: not started).</summary>
    double? SecondsLeft(int index)
    {
        double share = Done(index);
        if (started[index] == 0 || share <= 0) return null;
        double elapsed = Stopwatch.GetElapsedTime(started[index]).TotalSeconds;
        return elapsed / share * (1 - share);
    }

    HtmlMarkup Render()
    {
        lock (gate)
        {
            // All trainings' remaining work, at the mean pace of those started, shared among the threads.
            var paces = Enumerable.Range(0, trainings.Length).Where(i => started[i] != 0 && Done(i) > 0)
                .Select(i => Stopwatch.GetElapsedTime(started[i]).TotalSeconds / Done(i)).ToArray();
            double? left = paces.Length == 0 ? null
                : Enumerable.Range(0, trainings.Length).Sum(i => 1 - Done(i)) * paces.Average() / width;
            int finished = done.Count(d => d);
            string summary = Words.Format("side.summary", finished, trainings.Length, width,
                left is double s ? Words.Format("side.seconds-left", s) : Words.Text("side.waiting"));
            var html = new StringBuilder($"<div><b>{WebUtility.HtmlEncode(summary)}</b>{Words.Text("side.table-head-html")}");
            for (int i = 0; i < trainings.Length; i++)
            {
                var (label, epochs) = trainings[i];
                string epoch = done[i] ? Words.Text("side.done")
                    : latest[i] is { } p ? $"{p.Epoch}/{epochs} <progress value=\"{Done(i):0.000}\" max=\"1\"></progress>"
                    : Words.Text("side.waiting");
                string accuracy = lastEpoch[i] is { } e ? $"{e.Test.Accuracy:P1}" : "";
                string secondsLeft = !done[i] && SecondsLeft(i) is double t ? Words.Format("side.seconds-left", t) : "";
                html.Append($"<tr><td>{WebUtility.HtmlEncode(label)}</td><td>{epoch}</td><td>{accuracy}</td><td>{secondsLeft}</td></tr>");
            }
            return new HtmlMarkup(html.Append("</table></div>").ToString(), summary);
        }
    }

    sealed class Reporter(SideBySideProgress owner, int index) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => owner.Report(index, value);
    }
}
