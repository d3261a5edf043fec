using Lessons.Training;

namespace Lessons.Notebooks;

public static partial class Kit
{
    /// <summary>
    /// Runs trainings written in the notebook side by side, one per core (<see cref="TrainingPool"/>), with a live display
    /// of each one's epoch and the time left; returns what each returned, in the order of <paramref name="items"/>, and
    /// ends the display in the line that says how many ran at once. <paramref name="train"/> gets an item and a callback
    /// to call with each epoch it finishes. It must draw nothing from TorchSharp's process-wide generator, which the
    /// trainings beside it draw from too: build every model first, one after another under its seed, and train without
    /// dropout (or with a generator of the training's own). Then each training gives the numbers it gives alone.
    /// <code>var results = Kit.SideBySide(models, m => m.Name, epochs, (m, epochDone) => Train(m, epochs, epochDone));</code>
    /// </summary>
    public static TResult[] SideBySide<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, string> label, int epochs,
        Func<TItem, Action<int>, TResult> train)
    {
        return SideBySideProgress.Run([.. items.Select(item => (label(item), epochs))], TrainingPool.Width(items.Count), timed: false,
            (index, progress) =>
            {
                var (item, reporter) = (items[index], progress.Of(index));
                string name = label(item);
                // An epoch done is all an open loop reports: the display counts epochs, not samples.
                return train(item, epoch => reporter.Report(new TrainingProgress(name, epoch, epochs, 0, 1, 1, 0, 0, 0)));
            });
    }
}
