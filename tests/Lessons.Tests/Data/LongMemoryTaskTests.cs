using Lessons.Data;

namespace Lessons.Tests.Data;

public class LongMemoryTaskTests
{
    [Fact]
    public void Seed_0_gives_these_texts_each_a_marker_then_the_distractors()
    {
        var task = LongMemoryTask.Create(distractors: 5, trainCount: 8, testCount: 4, seed: 0);

        Assert.Equal(
            ["north engine tunnel carpet basket garden", "south basket island mirror marble cloud", "east cloud blanket violin blanket marble"],
            task.Train.Take(3).Select(i => i.Text));
        Assert.Equal("north", task.Test[0].Title);
        Assert.DoesNotContain(task.Test[0].Description, task.Train.Select(i => i.Description));
        Assert.Equal(LongMemoryTask.Markers, task.Classes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(100)]
    public void Every_text_is_its_class_marker_followed_by_exactly_n_neutral_words(int distractors)
    {
        var task = LongMemoryTask.Create(distractors, trainCount: 40, testCount: 12, seed: 3);

        Assert.All(task.Train.Concat(task.Test), item =>
        {
            var words = item.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(LongMemoryTask.Markers[item.Label], words[0]);
            Assert.Equal(distractors, words.Length - 1);
            Assert.All(words.Skip(1), w => Assert.Contains(w, LongMemoryTask.NeutralWords));
        });
    }

    [Fact]
    public void Classes_are_balanced_exactly_and_the_same_seed_gives_the_same_texts()
    {
        var task = LongMemoryTask.Create(distractors: 20, trainCount: 400, testCount: 100, seed: 1);

        Assert.Equal(new[] { 100, 100, 100, 100 }, task.Train.CountBy(i => i.Label).OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal(new[] { 25, 25, 25, 25 }, task.Test.CountBy(i => i.Label).OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal(task.Train, LongMemoryTask.Create(20, 400, 100, seed: 1).Train);
        Assert.NotEqual(task.Train, LongMemoryTask.Create(20, 400, 100, seed: 2).Train);
        Assert.Empty(LongMemoryTask.Markers.Intersect(LongMemoryTask.NeutralWords));
    }
}
