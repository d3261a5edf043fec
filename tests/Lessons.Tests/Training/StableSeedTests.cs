using Lessons.Batching;

namespace Lessons.Tests.Training;

public class StableSeedTests
{
    // Literal values: a per-process salted hash (HashCode.Combine) would give other numbers in every test run.
    [Theory]
    [InlineData(new[] { 0, 0, 0x5eed }, 719416791)]
    [InlineData(new[] { 1, 0, 0x5eed }, 1200883714)]
    [InlineData(new[] { 0, 0xba1 }, 1607033823)]
    [InlineData(new[] { -1 }, 1804241913)]
    public void Combine_gives_the_same_seed_in_every_process(int[] parts, int expected) =>
        Assert.Equal(expected, StableSeed.Combine(parts));

    [Fact]
    public void Order_of_the_parts_matters() =>
        Assert.NotEqual(StableSeed.Combine(1, 2), StableSeed.Combine(2, 1));
}
