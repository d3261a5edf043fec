using Lessons.Data;

namespace Lessons.Tests.Data;

public class AgNewsFramesTests
{
    private static readonly TextClassificationData Mini = AgNews.Load(SharedData.Mini);

    [Fact]
    public void Previews_the_first_rows_with_class_names()
    {
        var frame = AgNewsFrames.Preview(Mini.Train, rows: 3);

        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(["label", "class", "title", "description"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame["label"][0]);
        Assert.Equal("Business", frame["class"][0]);
        Assert.Equal("Fears for T N pension after talks", frame["title"][0]);
    }

    [Fact]
    public void Counts_the_classes_of_each_split()
    {
        var frame = AgNewsFrames.ClassCounts(Mini);

        Assert.Equal(["World", "Sports", "Business", "Sci/Tech"], Enumerable.Range(0, 4).Select(i => (string)frame["class"][i]));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal((1520, 380), ((int)frame["train"][i]!, (int)frame["test"][i]!)));
    }

    [Fact]
    public void Gives_the_token_length_statistics_of_the_decoded_text()
    {
        var frame = AgNewsFrames.TokenLengths(Mini);

        // basic_english's tokens of the mini split with its HTML escapes decoded (nearest-rank median and 95th percentile);
        // the published text gives torchtext's 261,297 training tokens, the decoded one fewer (HtmlEscapesTests).
        Assert.Equal(("train", 6080, 258_116L, 12, 42.45, 42, 60, 161),
            ((string)frame["split"][0], (int)frame["rows"][0]!, (long)frame["tokens"][0]!, (int)frame["min"][0]!, (double)frame["mean"][0]!,
             (int)frame["median"][0]!, (int)frame["p95"][0]!, (int)frame["max"][0]!));
        Assert.Equal(("test", 64_839L, 15, 158), ((string)frame["split"][1], (long)frame["tokens"][1]!, (int)frame["min"][1]!, (int)frame["max"][1]!));
    }
}
