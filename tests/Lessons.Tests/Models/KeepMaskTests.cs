using Lessons.Models;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>KeepMask: the dropout mask drawn from one seed, fast, and as random as dropout needs.</summary>
public class KeepMaskTests
{
    public KeepMaskTests() => ModelTestData.Ready();

    static float[] Filled(int length, double keep, ulong seed)
    {
        var values = new float[length];
        KeepMask.Fill(values, keep, seed);
        return values;
    }

    [Theory]
    [InlineData(0.35)]   // the recipe's dropout 0.65
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Every_value_is_zero_or_one_over_keep_and_the_kept_share_is_keep(double keep)
    {
        var values = Filled(1_000_003, keep, 42);

        Assert.All(values, v => Assert.True(v == 0f || v == (float)(1 / keep), $"value {v}"));
        double kept = values.Count(v => v != 0) / (double)values.Length;
        Assert.InRange(kept, keep - 0.002, keep + 0.002);
    }

    [Fact]
    public void A_seed_gives_one_mask_and_the_next_seed_an_unrelated_one()
    {
        var first = Filled(100_000, 0.5, 7);
        var again = Filled(100_000, 0.5, 7);
        var next = Filled(100_000, 0.5, 8);

        Assert.Equal(first, again);
        // Unrelated masks keep the same position in a quarter of the cases (0.5 × 0.5), and agree on half of them.
        double both = first.Zip(next).Count(p => p.First != 0 && p.Second != 0) / 100_000.0;
        Assert.InRange(both, 0.24, 0.26);
    }

    [Fact]
    public void Value_i_is_the_same_whether_drawn_by_the_vector_loop_or_one_at_a_time()
    {
        // Five values are fewer than any vector's lanes: the scalar loop draws them; in the long mask the vector loop does.
        var scalar = Filled(5, 0.35, 123);
        var vector = Filled(1_000, 0.35, 123);

        Assert.Equal(scalar, vector[..5]);
        Assert.Contains(0f, vector);
    }

    [Fact]
    public void Dropout_from_a_generator_is_reproducible_and_scales_what_it_keeps()
    {
        using var input = arange(1, 4_001, dtype: ScalarType.Float32).reshape(40, 100);
        using var a = new Generator(5);
        using var b = new Generator(5);

        using var first = GeneratorDropout.Apply(input, 0.65, training: true, a);
        using var same = GeneratorDropout.Apply(input, 0.65, training: true, b);
        using var second = GeneratorDropout.Apply(input, 0.65, training: true, a);

        Assert.True(first.eq(same).all().item<bool>());
        Assert.False(first.eq(second).all().item<bool>());   // the generator moved on
        using var kept = first.ne(0);
        Assert.True(first.masked_select(kept).allclose(input.masked_select(kept) / 0.35f));
    }
}
