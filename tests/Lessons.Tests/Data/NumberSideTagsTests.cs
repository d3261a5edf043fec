using Lessons.Data;
using Lessons.Text;

namespace Lessons.Tests.Data;

public class NumberSideTagsTests
{
    static string[] TrainingTokens(int row) =>
        BasicEnglishTokenizer.Tokenize(AgNewsCsv.Read(Path.Combine(SharedData.Mini, AgNews.TrainFile))[row].Text);

    [Fact]
    public void A_real_headline_with_two_numbers_is_tagged_after_then_both_then_before()
    {
        var tokens = TrainingTokens(3269);

        Assert.Equal("amd readies powerful desktop chips new athlon 64 processors will compete with intel ' s pentium 4 extreme edition .",
            string.Join(' ', tokens));
        // "64" has no number before it and "4" after it; "4" has "64" before it and nothing after it.
        Assert.Equal("22222222333333331111", string.Concat(NumberSideTags.Of(tokens)));
        Assert.Equal([7, 6, 5, 4, 3, 2, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], NumberSideTags.Distances(tokens));
    }

    [Fact]
    public void A_token_that_begins_with_a_digit_is_a_number_and_the_dollar_entity_is_not()
    {
        var tokens = TrainingTokens(4329);

        Assert.Equal("verizon brings top-speed dsl to 16 more areas dsl at 3mbps debuts in areas within company ' s existing footprint .",
            string.Join(' ', tokens));
        Assert.Equal("222222333311111111111", string.Concat(NumberSideTags.Of(tokens)));
        Assert.Equal([5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 0], NumberSideTags.Distances(tokens).Take(11));
        Assert.True(NumberSideTags.IsNumber("3mbps"));
        Assert.False(NumberSideTags.IsNumber("#36"));     // AG News's "#36;10 million" is "$10 million": "#36" is the dollar sign
        Assert.False(NumberSideTags.IsNumber("mp3"));
    }

    [Fact]
    public void A_text_without_numbers_is_tagged_neither_everywhere()
    {
        var tokens = BasicEnglishTokenizer.Tokenize("Fears for T N pension after talks");

        Assert.Equal(new int[7], NumberSideTags.Of(tokens));
        Assert.Equal(new int[7], NumberSideTags.Distances(tokens));
        Assert.Empty(NumberSideTags.Of([]));
    }
}
