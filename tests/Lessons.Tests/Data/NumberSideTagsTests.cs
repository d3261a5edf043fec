using Lessons.Data;
using Lessons.Text;

namespace Lessons.Tests.Data;

public class NumberSideTagsTests
{
    // Real headlines of the mini split's training file. In the first, "64" has no number before it and "4" after it,
    // and "4" has "64" before it and nothing after it; in the second, "3mbps" is a number (it begins with a digit).
    [Theory]
    [InlineData(3269, "amd readies powerful desktop chips new athlon 64 processors will compete with intel ' s pentium 4 extreme edition .",
        "22222222333333331111", "7 6 5 4 3 2 1 9 8 7 6 5 4 3 2 1 0 0 0 0")]
    [InlineData(4329, "verizon brings top-speed dsl to 16 more areas dsl at 3mbps debuts in areas within company ' s existing footprint .",
        "222222333311111111111", "5 4 3 2 1 5 4 3 2 1 0 0 0 0 0 0 0 0 0 0 0")]
    public void A_real_headline_is_tagged_after_before_its_first_number_both_between_and_before_after_its_last(
        int row, string text, string tags, string distances)
    {
        var tokens = BasicEnglishTokenizer.Tokenize(AgNewsCsv.Read(Path.Combine(SharedData.Mini, AgNews.TrainFile))[row].Text);

        Assert.Equal(text, string.Join(' ', tokens));
        Assert.Equal(tags, string.Concat(NumberSideTags.Of(tokens)));
        Assert.Equal(distances, string.Join(' ', NumberSideTags.Distances(tokens)));
    }

    [Fact]
    public void A_token_that_begins_with_a_digit_is_a_number_and_the_dollar_entity_is_not()
    {
        Assert.True(NumberSideTags.IsNumber("3mbps"));
        Assert.True(NumberSideTags.IsNumber("2004"));
        Assert.False(NumberSideTags.IsNumber("#36"));     // AG News's "#36;10 million" is "$10 million": "#36" is the dollar sign
        Assert.False(NumberSideTags.IsNumber("mp3"));
        Assert.False(NumberSideTags.IsNumber(""));
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
