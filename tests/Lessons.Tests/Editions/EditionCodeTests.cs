using Lessons.Editions;

namespace Lessons.Tests.Editions;

/// <summary>What a translated notebook may change in a code cell: its strings' text and formats, nothing else.</summary>
public sealed class EditionCodeTests
{
    const string English = """
        foreach (var gate in new[] { "forget", "input" })
            Console.WriteLine($"{gate} gate: mean {Mean(gate):F2} over " + $"{words} words");   // the gates
        """;

    [Fact]
    public void Cells_that_differ_only_in_their_strings_mask_the_same()
    {
        const string turkish = """
            foreach (var gate in new[] { "unutma", "giriş" })
                Console.WriteLine($"{gate} kapısı: ortalama {Mean(gate):P1}, " + $"{words} kelime boyunca");   // the gates
            """;
        Assert.Equal(EditionCode.Masked(English), EditionCode.Masked(turkish));
    }

    [Theory]
    [InlineData("Console.WriteLine($\"{words} kelime; {gate} kapısı {Mean(gate):F2}\" + $\"\")")]   // values reordered
    [InlineData("Console.WriteLine($\"{gate} kapısı: ortalama {Mean(gate) * 2:F2} \" + $\"{words} kelime\")")]   // a value changed
    [InlineData("Console.WriteLine($\"{gate,-8} kapısı: ortalama {Mean(gate):F2} \" + $\"{words} kelime\")")]   // an alignment added
    public void A_value_in_a_string_is_code(string line)
    {
        string turkish = "foreach (var gate in new[] { \"unutma\", \"giriş\" })\n    " + line + ";   // the gates";
        Assert.NotEqual(EditionCode.Masked(English), EditionCode.Masked(turkish));
    }

    [Fact]
    public void Comments_and_the_code_around_the_strings_are_code()
    {
        Assert.NotEqual(EditionCode.Masked(English), EditionCode.Masked(English.Replace("// the gates", "// kapılar")));
        Assert.NotEqual(EditionCode.Masked(English), EditionCode.Masked(English.Replace("Mean(gate)", "Max(gate)")));
    }

    [Fact]
    public void The_strings_to_translate_are_those_with_words_as_written()
    {
        Assert.Equal(["\"forget\"", "\"input\"", "$\"{gate} gate: mean {Mean(gate):F2} over \"", "$\"{words} words\""],
            EditionCode.Strings(English));
        Assert.Empty(EditionCode.Strings("Console.WriteLine(string.Join(\", \", xs) + $\"{a} x {b}\");"));
    }
}
