using Lessons.Models;
using Lessons.Notebooks;
using Lessons.Runtime;
using Lessons.Tests.Data;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// A comparison trained in two cells, so that no cell makes a class wait (notebook 5): <see cref="Comparison.And"/>
/// joins them into one table and one set of verdicts; and the appendix's engines, timed over fewer epochs than the
/// recipe's. In the notebook collection, which runs alone (Prepare reads LESSONS_QUICK).
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed class ComparisonSplitTests : IDisposable
{
    readonly TempFolder folder = new();

    public ComparisonSplitTests() => TorchRuntime.EnsureReady();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Two_comparisons_joined_are_one_comparison_of_all_their_variants_in_order()
    {
        var data = Notebooks.TwoTopics.Prepare(folder);
        var small = Lesson.Options(CellKind.Gru, data) with { Hidden = 4, Embedding = 4 };
        using var first = Lesson.CompareVariants(data, seeds: 2, small, small with { Bidirectional = true });
        using var second = Lesson.CompareVariants(data, seeds: 2, small with { Layers = 2, LayerDropout = 0 });
        var joined = first.And(second);

        Assert.Equal([.. first.Histories, .. second.Histories], joined.Histories);
        Assert.Equal([.. first.Models, .. second.Models], joined.Models);
        Assert.Equal(["GRU", "BiGRU", "GRU, 2 layers"], joined.Variants.Select(v => v.Run));
        Assert.All(joined.Variants, v => Assert.Equal(2, v.Seeds.Count));
        Assert.Same(second.Model("GRU, 2 layers"), joined.Model("GRU, 2 layers"));
        Assert.Equal(3, joined.Table.Rows.Count);
        Assert.Equal(3, joined.Differences.Count);
    }

    [Fact]
    public void The_engines_train_the_epochs_asked_for_and_refuse_none()
    {
        var data = Notebooks.TwoTopics.Prepare(folder);
        using var engines = Lesson.CompareEngines(data, epochs: 2);
        Assert.Equal(3, engines.Histories.Count);
        Assert.All(engines.Histories, h => Assert.Equal(2, h.Epochs.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lesson.CompareEngines(data, epochs: 0));
    }
}
