using System.Security.Cryptography;
using System.Text;
using Lessons.Data;
using Lessons.Tests.Data;
using Lessons.Text;

namespace Lessons.Tests.Text;

public class VocabularyTests
{
    private static Vocabulary FromLines(params string[] lines) =>
        Vocabulary.Build(lines.Select(l => (IReadOnlyList<string>)l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Puts_the_specials_first_then_tokens_by_count_then_ties_in_ordinal_order()
    {
        var vocabulary = FromLines("the cat sat on the mat", "the dog sat");

        Assert.Equal(["<unk>", "<pad>", "the", "sat", "cat", "dog", "mat", "on"], vocabulary.Tokens);
        Assert.Equal(Vocabulary.Unk, vocabulary.IndexOf("<unk>"));
        Assert.Equal(Vocabulary.Pad, vocabulary.IndexOf("<pad>"));
        Assert.Equal(3, vocabulary.Frequency(2));
        Assert.Equal(0, vocabulary.Frequency(Vocabulary.Unk));
    }

    [Fact]
    public void Breaks_ties_by_code_point_as_python_sorts_not_by_utf16_unit()
    {
        // torchtext's order for these (Python sorts by code point: U+FFFD before U+1F600, which UTF-16 order swaps).
        var vocabulary = FromLines("b B a é \uFFFD \U0001F600 _");
        Assert.Equal(["<unk>", "<pad>", "B", "_", "a", "b", "é", "\uFFFD", "\U0001F600"], vocabulary.Tokens);
    }

    [Fact]
    public void Drops_tokens_seen_fewer_than_minFreq_times_and_never_repeats_the_specials()
    {
        var vocabulary = Vocabulary.Build([["a", "b", "a", "<unk>", "<pad>", "<unk>"], ["c", "b", "a"]], minFreq: 2);
        Assert.Equal(["<unk>", "<pad>", "a", "b"], vocabulary.Tokens);
        Assert.Equal(2, vocabulary.MinFreq);
    }

    [Fact]
    public void Counts_ngrams_after_the_tokens()
    {
        var vocabulary = Vocabulary.Build([["new", "york", "times"], ["new", "york"]], ngrams: 2);
        Assert.Equal(["<unk>", "<pad>", "new", "new york", "york", "times", "york times"], vocabulary.Tokens);
        Assert.Equal(2, vocabulary.NGrams);
    }

    [Fact]
    public void Encodes_unknown_tokens_as_unk_and_decodes_back()
    {
        var vocabulary = FromLines("the cat sat on the mat", "the dog sat");
        int[] ids = vocabulary.Encode(["the", "bird", "sat"]);
        Assert.Equal([2, Vocabulary.Unk, 3], ids);
        Assert.Equal(["the", "<unk>", "sat"], vocabulary.Decode(ids));
        Assert.Equal("cat", vocabulary[4]);
        Assert.False(vocabulary.Contains("bird"));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([8]));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([-1]));
    }

    [Theory]
    [InlineData(1, 1, 22408, "732403591f1837ffc90b7049a8eeea5ff7480ccf153b9bd706fa6ce6cf0c5e63")]
    [InlineData(3, 1, 8478, "a9f6c49445256c00286b4feba98b795d1c3e773e954cce793a30ee0b58bfef4b")]
    [InlineData(1, 2, 158438, "7b513c65d746d0d57f313270a4f19ceec8ae4e0ef2476f682cb42f676a0c19ed")]
    public void Equals_torchtexts_vocabulary_of_the_mini_training_split(int minFreq, int ngrams, int count, string digestOfTokens)
    {
        // torchtext: Counter over basic_english tokens (with ngrams_iterator) of the texts as published, legacy Vocab
        // order; digest = sha256 of the tokens joined by "\n".
        var docs = HtmlEscapesTests.RawTexts("train.csv").Select(t => (IReadOnlyList<string>)BasicEnglishTokenizer.Tokenize(t));
        AssertVocabulary(Vocabulary.Build(docs, minFreq, ngrams), count, digestOfTokens);
    }

    [Theory]
    [InlineData(1, 1, 22312, "abef8baa7b02fe399a4d882c5e08f8e3126614d6a7d5dd6a0885a7f0dc3fa238")]
    [InlineData(3, 1, 8437, "883a24942af4f415de859895a9e2dc90abfaf32089e00ddb044569d17f6610ff")]
    [InlineData(1, 2, 157382, "3e5331d6e02ea83c7e47fe695ea0b9fd730dd0c789d27b3e38c2499aa7cba617")]
    public void Equals_torchtexts_vocabulary_of_the_decoded_mini_training_split(int minFreq, int ngrams, int count, string digestOfTokens)
    {
        // The same over the texts as the kit reads them, HTML escapes decoded: digests from torchtext's code copied into
        // Text/basic_english_decoded.py (see BasicEnglishTokenizerTests), which gives the digests above on the published texts.
        var train = AgNewsCsv.Read(Path.Combine(SharedData.Mini, "train.csv"));
        var vocabulary = Vocabulary.Build(train.Select(i => (IReadOnlyList<string>)BasicEnglishTokenizer.Tokenize(i.Text)), minFreq, ngrams);
        AssertVocabulary(vocabulary, count, digestOfTokens);
    }

    private static void AssertVocabulary(Vocabulary vocabulary, int count, string digestOfTokens)
    {
        Assert.Equal(count, vocabulary.Count);
        Assert.Equal(digestOfTokens, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', vocabulary.Tokens)))));
    }

    [Fact]
    public void Saves_a_readable_file_and_loads_it_back_unchanged()
    {
        using var folder = new TempFolder();
        var vocabulary = Vocabulary.Build([["a\\b", "tab\there", "x", "x"], ["line\nbreak", "x"]], ngrams: 1);
        var path = folder.File("vocab.tsv");

        vocabulary.Save(path);

        Assert.Equal("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n<pad>\t0\nx\t3\na\\\\b\t1\nline\\nbreak\t1\ntab\\there\t1\n",
            File.ReadAllText(path));
        var loaded = Vocabulary.Load(path);
        Assert.Equal(vocabulary.Tokens, loaded.Tokens);
        Assert.Equal(3, loaded.Frequency(2));
        Assert.Equal(vocabulary.NGrams, loaded.NGrams);
        Assert.Equal(vocabulary.MinFreq, loaded.MinFreq);
    }

    [Theory]
    [InlineData("", 1, "expected the header")]
    [InlineData("tokens\n<unk>\t0\n", 1, "expected the header")]
    [InlineData("#lessons-vocabulary 1\tngrams=0\tmin-freq=1\n", 1, "expected the header")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n<pad>\t0\nword 7\n", 4, "expected \"token<TAB>count\"")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n<pad>\t0\nword\tseven\n", 4, "is not a whole number")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<pad>\t0\n<unk>\t0\n", 2, "id 0 must be <unk>")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n<pad>\t0\nword\t2\nword\t1\n", 5, "appears twice")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n<pad>\t0\nwo\\qrd\t2\n", 4, "unknown escape \\q")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n<pad>\t0\n\t2\n", 4, "the token is empty")]
    [InlineData("#lessons-vocabulary 1\tngrams=1\tmin-freq=1\n<unk>\t0\n", 3, "ends before <unk> and <pad>")]
    public void Names_the_file_and_line_of_a_bad_vocabulary_file(string content, int line, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("vocab.tsv", content);

        var error = Assert.Throws<VocabularyFormatException>(() => Vocabulary.Load(path));

        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}, line {line}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
