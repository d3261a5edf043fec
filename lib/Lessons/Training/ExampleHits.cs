namespace Lessons.Training;

/// <summary>
/// Which examples of a split a model classified correctly, in the split's order: what a comparison of two models on
/// the same test split needs beyond their accuracies (<see cref="Inspection.AccuracyDifference"/> resamples the test
/// examples, the same draw for both). Saved in a history as one string of 0s and 1s.
/// </summary>
public sealed class ExampleHits
{
    readonly bool[] hits;

    public ExampleHits(IEnumerable<bool> hits) => this.hits = [.. hits];

    /// <summary>The hits of <paramref name="predicted"/> against <paramref name="labels"/>, example by example.</summary>
    public static ExampleHits Of(IReadOnlyList<int> predicted, IReadOnlyList<int> labels)
    {
        if (predicted.Count != labels.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {labels.Count} labels.", nameof(predicted));
        return new ExampleHits(predicted.Select((p, i) => p == labels[i]));
    }

    /// <summary>How many examples the split holds.</summary>
    public int Count => hits.Length;

    /// <summary>Whether example <paramref name="index"/> (in the split's order) was classified correctly.</summary>
    public bool this[int index] => hits[index];

    /// <summary>The share classified correctly.</summary>
    public double Accuracy => hits.Length == 0 ? 0 : (double)hits.Count(h => h) / hits.Length;

    /// <summary>"0110…": one character per example, 1 for a hit.</summary>
    public override string ToString() => new([.. hits.Select(h => h ? '1' : '0')]);

    /// <summary>Reads <see cref="ToString"/>'s form back; null when it holds anything but 0s and 1s.</summary>
    public static ExampleHits? Parse(string text) =>
        text.All(c => c is '0' or '1') ? new ExampleHits(text.Select(c => c == '1')) : null;
}
