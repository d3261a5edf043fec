using Lessons.Batching;
using Lessons.Data;
using Lessons.Runtime;
using Lessons.Tests.Data;
using Lessons.Text;

namespace Lessons.Tests.Training;

public sealed class TaggingDataTests
{
    public TaggingDataTests() => TorchRuntime.EnsureReady();

    static readonly TaggedSplit Tiny = new(
        [new([5, 6, 7], 0), new([8], 1), new([9, 10], 2)],
        [[2, 3, 1], [0], [2, 1]],
        [[1, 1, 0], [0], [1, 0]]);

    [Fact]
    public void A_batch_pads_tokens_with_pad_and_tags_with_the_ignored_index()
    {
        var (tokens, lengths, tags) = Tiny.Batch([0, 1, 2]);
        using (tokens) using (lengths) using (tags)
        {
            Assert.Equal([3L, 3L], tags.shape);
            Assert.Equal([5L, 6, 7, 8, 1, 1, 9, 10, 1], tokens.data<long>().ToArray());
            Assert.Equal([3L, 1, 2], lengths.data<long>().ToArray());
            Assert.Equal([2L, 3, 1, 0, -100, -100, 2, 1, -100], tags.data<long>().ToArray());
        }
        Assert.Equal(6, Tiny.TokenCount);
        Assert.Equal(2.0 / 6, Tiny.MajorityShare, 12);
    }

    [Fact]
    public void The_mini_split_is_tagged_token_for_token_with_every_digit_read_as_zero()
    {
        var news = AgNews.Load(Path.Combine(SharedData.Folder, "ag_news-mini"));
        var tagging = TaggingData.Prepare(news);

        Assert.Equal(news.Train.Count, tagging.Train.Examples.Length);
        Assert.Equal(news.Test.Count, tagging.Test.Examples.Length);
        var text = BasicEnglishTokenizer.Tokenize(news.Train[3269].Text).Select(TaggingData.DigitsAsZero).ToArray();
        Assert.Equal("amd readies powerful desktop chips new athlon 00 processors will compete with intel ' s pentium 0 extreme edition .",
            string.Join(' ', text));
        Assert.Equal(tagging.Vocabulary.Encode(text), tagging.Train.Examples[3269].Tokens);
        Assert.Equal("22222222333333331111", string.Concat(tagging.Train.Tags[3269]));
        Assert.Equal(NumberSideTags.Distances(text), tagging.Train.Distances[3269]);
        Assert.All(Enumerable.Range(0, tagging.Test.Examples.Length), i =>
            Assert.Equal(tagging.Test.Examples[i].Length, tagging.Test.Tags[i].Length));
        Assert.Equal("0mbps", TaggingData.DigitsAsZero("3mbps"));
        Assert.Equal("#00", TaggingData.DigitsAsZero("#36"));
    }
}
