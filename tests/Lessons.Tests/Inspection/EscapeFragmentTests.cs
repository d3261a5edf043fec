using System.Text.RegularExpressions;
using Lessons.Data;
using Lessons.Inspection;
using Lessons.Models;
using Lessons.Tests.Data;
using Lessons.Text;

namespace Lessons.Tests.Inspection;

/// <summary>
/// No token the kit shows is a piece of an HTML escape: not a word of the mini split's vocabulary, and not a token the
/// unit charts can list as a unit's top token (notebook 6 once showed <c>n&amp;lt</c> atop four of five units).
/// </summary>
public class EscapeFragmentTests
{
    /// <summary>A token holding an escape: <c>&amp;</c> before a reference's name or <c>#</c> (<c>&amp;lt</c>, <c>b&amp;gt</c>,
    /// <c>&amp;#39</c>), a number reference (<c>#39</c>, <c>#151</c>), or <c>quot</c> (no English word; <c>amp</c>,
    /// <c>lt</c> and <c>gt</c> are: AMP the insurer, the Sparkle GT).</summary>
    private static readonly Regex Fragment = new(@"&(?:#|lt|gt|amp|quot|hellip|nbsp)|(?:^|[^a-z0-9])#[0-9]{2,}|^quot$|quot&|quot$");

    [Theory]
    [InlineData("&lt")]
    [InlineData("n&lt")]
    [InlineData("b&gt")]
    [InlineData("#39")]
    [InlineData("#151")]
    [InlineData("quot")]
    [InlineData("at&amp")]
    public void The_rule_finds_the_fragments_the_published_text_gives(string token) => Assert.Matches(Fragment, token);

    [Theory]
    [InlineData("amp")]
    [InlineData("at&t")]
    [InlineData("quote")]
    [InlineData("#1")]
    [InlineData("<dell")]
    public void The_rule_lets_words_pass(string token) => Assert.DoesNotMatch(Fragment, token);

    [Fact]
    public void No_word_of_the_mini_splits_vocabulary_is_an_escape_fragment()
    {
        var train = AgNewsCsv.Read(Path.Combine(SharedData.Mini, "train.csv"));
        var vocabulary = Vocabulary.Build(train.Select(i => BasicEnglishTokenizer.Tokenize(i.Text)), minFreq: 1);

        Assert.True(vocabulary.Count > 20_000, $"{vocabulary.Count} words");
        Assert.DoesNotContain(vocabulary.Tokens, t => Fragment.IsMatch(t));
    }

    /// <summary>The published text gives them by the thousand: the rule and the data are what the test above relies on.</summary>
    [Fact]
    public void The_published_text_holds_fragments_by_the_thousand()
    {
        int fragments = HtmlEscapesTests.RawTexts("train.csv").SelectMany(BasicEnglishTokenizer.Tokenize).Count(t => Fragment.IsMatch(t));
        Assert.True(fragments > 3000, $"{fragments} fragments");
    }

    /// <summary>
    /// Every token a unit chart can list: UnitSelection ranks a unit's top tokens among those seen at least minCount
    /// times in the traced headlines, tokenized as Lesson.TraceMany does. Asking it for all of them (topTokens: all) over
    /// all the test headlines gives the whole candidate list, whatever a trained network's activations would rank first.
    /// </summary>
    [Fact]
    public void No_token_a_unit_chart_can_list_is_an_escape_fragment()
    {
        var test = AgNewsCsv.Read(Path.Combine(SharedData.Mini, "test.csv"));
        var traces = test.Select(i => BasicEnglishTokenizer.Tokenize(i.Text))
            .Select(tokens => new CellTrace(CellKind.Lstm, "forward", tokens, Activations(tokens), new Dictionary<string, float[,]>()))
            .ToList();

        var unit = Assert.Single(UnitSelection.FiringOn(traces, "oil", top: 1, topTokens: int.MaxValue));

        Assert.True(unit.TopTokens.Count > 1000, $"{unit.TopTokens.Count} candidate tokens");
        Assert.Contains(unit.TopTokens, a => a.Token == "oil");
        Assert.DoesNotContain(unit.TopTokens, a => Fragment.IsMatch(a.Token));
    }

    /// <summary>One unit, high on "oil" and on nothing else.</summary>
    private static float[,] Activations(string[] tokens)
    {
        var hidden = new float[tokens.Length, 1];
        for (int t = 0; t < tokens.Length; t++) hidden[t, 0] = tokens[t] == "oil" ? 1 : 0;
        return hidden;
    }
}
