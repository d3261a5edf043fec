using System.Text;
using Lessons.Data;

namespace Lessons.Tests.Data;

public class AgNewsCsvTests
{
    [Fact]
    public void Reads_quoted_fields_doubled_quotes_commas_a_bom_and_crlf()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.csv");
        File.WriteAllText(path,
            "\"3\",\"Wall St. Bears Claw Back Into the Black (Reuters)\",\"Reuters - Short-sellers, Wall Street's dwindling\\band of ultra-cynics, are seeing green again.\"\r\n" +
            "\"1\",\"He said \"\"no\"\"\",\"a, b, and c cost  #36;10\"\r\n" +
            "2,Plain title,Plain description\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var items = AgNewsCsv.Read(path);

        Assert.Equal(
            [
                new LabeledText(2, "Wall St. Bears Claw Back Into the Black (Reuters)", "Reuters - Short-sellers, Wall Street's dwindling\\band of ultra-cynics, are seeing green again."),
                new LabeledText(0, "He said \"no\"", "a, b, and c cost $10"),
                new LabeledText(1, "Plain title", "Plain description"),
            ],
            items);
        Assert.Equal("Business", AgNews.Classes[items[0].Label]);
        Assert.Equal("He said \"no\" a, b, and c cost $10", items[1].Text); // AG News's " #36;" decoded
    }

    [Fact]
    public void Reads_the_mini_split_with_its_classes_in_balance()
    {
        var train = AgNewsCsv.Read(Path.Combine(SharedData.Mini, "train.csv"));

        Assert.Equal(6080, train.Count);
        Assert.All(Enumerable.Range(0, 4), label => Assert.Equal(1520, train.Count(i => i.Label == label)));
        Assert.Equal(new LabeledText(2, "Fears for T N pension after talks",
            "Unions representing workers at Turner   Newall say they are 'disappointed' after talks with stricken parent firm Federal Mogul."), train[0]);
        Assert.StartsWith("SPACE.com - TORONTO, Canada -- A second\\team of rocketeers competing for the $10 million", train[1].Description);
    }

    [Fact]
    public void Names_the_line_of_bytes_that_are_not_utf8()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.csv");
        File.WriteAllBytes(path, [.. "\"1\",\"a\",\"b\"\r\n\"2\",\"caf"u8, 0xE9, .. "\",\"latin-1\"\r\n"u8]);

        var error = Assert.Throws<DataFormatException>(() => AgNewsCsv.Read(path));

        Assert.Equal($"{path}, line 2: byte 9 of the line (0xE9) is not valid UTF-8; save the file as UTF-8", error.Message);
    }

    // Each bad file: its content, the line to blame, and words the message must hold.
    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "\"1\",\"a\",\"b\"\n\"2\",\"only two\"\n", 2, "expected 3 fields (class, title, description), found 2" },
        { "\"1\",\"a\",\"b\"\r\n\"3\",\"a\",\"b\",\"c\"\r\n", 2, "expected 3 fields (class, title, description), found 4" },
        { "\"1\",\"a\",\"b\"\n\"5\",\"a\",\"b\"\n", 2, "the class «5» is not one of 1, 2, 3, 4" },
        { "\"0\",\"a\",\"b\"\n", 1, "the class «0» is not one of 1, 2, 3, 4" },
        { "\"1\",\"a\",\"b\"\n\"World\",\"a\",\"b\"\n", 2, "the class «World» is not one of 1, 2, 3, 4" },
        { "\"1\",\"a\",\"b\"\n\"\",\"a\",\"b\"\n", 2, "the class «» is not one of 1, 2, 3, 4" },
        { "\"1\",\"a\",\"b\"\n\"2\",\"\",\" \"\n", 2, "the title and the description are both empty" },
        { "\"1\",\"a\",\"b\"\n\"2\",\"a\",\"never closed\n", 2, "a quote is not closed where it should be" },
        { "\"1\",\"a\",\"b\"\n\"2\",\"a\",\"unclosed\n\"3\",\"c\",\"d\"\n", 2, "a quote is not closed where it should be" },
        { "\"1\",\"a\",\"b\"\n\"2\",\"a\",\"stray \"quote\" inside\"\n", 2, "a quote is not closed where it should be" },
        { "\"1\",\"two\nlines\",\"b\"\n\n\"2\",\"a\",\"b\"\n\"9\",\"a\",\"b\"\n", 5, "the class «9»" }, // after a field spanning lines and a blank line
        { "", 1, "the file has no rows" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Names_the_file_and_line_of_a_bad_row(string content, int line, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("test.csv", content);

        var error = Assert.Throws<DataFormatException>(() => AgNewsCsv.Read(path));

        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}, line {line}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
