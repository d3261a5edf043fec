using System.Text.RegularExpressions;
using Lessons.Charts;
using Lessons.Data;
using Lessons.Editions;
using Lessons.Localization;
using Lessons.Models;
using Lessons.Tests.Notebooks;
using Lessons.Text;
using Lessons.Training;

namespace Lessons.Tests.Localization;

/// <summary>
/// The kit's words, one resource per language (lib/Lessons/Localization/en.json and tr.json): the same texts in both,
/// with the same values in them; every text the code asks for exists and every text exists because the code asks for
/// it; names given in the language where they are made; numbers written the Turkish way. The language a test sets
/// stays in that test (it is the test's current culture); it runs with the notebooks, alone, because a notebook run sets
/// the default culture of the process's threads while it runs.
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed partial class WordingTests
{
    static readonly string Source = Path.GetFullPath(Path.Combine(RepositoryNotebooks.Folder, "..", "lib"));

    static Wording English => Wording.For("en");
    static Wording Turkish => Wording.For("tr");

    [Fact]
    public void Both_languages_have_the_same_texts_with_the_same_values()
    {
        Assert.Equal(English.Keys.Order(StringComparer.Ordinal), Turkish.Keys.Order(StringComparer.Ordinal));
        Assert.All(English.Keys, key => Assert.True(Values(English.Text(key)) == Values(Turkish.Text(key)),
            $"{key}: English values [{Values(English.Text(key))}], Turkish [{Values(Turkish.Text(key))}]"));
    }

    [Fact]
    public void Every_text_the_code_asks_for_exists_and_every_text_is_asked_for()
    {
        var prefixes = English.Keys.Select(k => k[..k.IndexOf('.')]).ToHashSet(StringComparer.Ordinal);
        var asked = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Where(key => prefixes.Contains(key[..key.IndexOf('.')]) && !FileName().IsMatch(key))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(asked.Except(English.Keys));
        Assert.Empty(English.Keys.Except(asked));
    }

    [Fact]
    public void Turkish_numbers_put_the_percent_sign_first_and_swap_the_separators()
    {
        Assert.Equal("%85,4 · 6.080 · 3,2E-015 · -%3,1", string.Format(Turkish.Culture, "{0:P1} · {1:N0} · {2:E1} · {3:P1}", 0.854, 6080, 3.2e-15, -0.031));
        Assert.Equal("85.4 % · 6,080", string.Format(English.Culture, "{0:P1} · {1:N0}", 0.854, 6080));
        Assert.Equal("istanbul", "ISTANBUL".ToLower(Turkish.Culture));   // casing stays invariant: no dotless ı
    }

    [Fact]
    public async Task Names_are_given_in_the_language_where_they_are_made()
    {
        var packed = ClassifierOptions.For(CellKind.Lstm, 10) with { Packed = true, Layers = 3 };
        Assert.Equal("packed LSTM, 3 layers", packed.Name());
        Assert.Equal("forget", TraceNames.Gate("forget"));

        await Task.Run(() =>
        {
            KitLanguage.Set("tr");
            Assert.Equal("paketlenmiş LSTM, 3 katman", packed.Name());
            Assert.Equal("kelime torbası", (packed with { BagOfWords = true }).Name());
            Assert.Equal(["unutma", "ileri"], new[] { TraceNames.Gate("forget"), TraceNames.Direction(backward: false) });
            Assert.Equal(["Dünya", "Spor", "Ekonomi", "Bilim/Teknoloji"], new TextClassificationData([], [], "test").Classes);
        });
    }

    [Fact]
    public async Task The_language_a_test_sets_stays_in_that_test()
    {
        await Task.Run(() =>
        {
            KitLanguage.Set("tr");
            Assert.Equal("tr", KitLanguage.Code);
            Assert.Equal("%50,0", $"{0.5:P1}");
        });

        Assert.Equal("en", KitLanguage.Code);
        Assert.Equal("Dünya", Turkish.Text("class.world"));
    }

    [Fact]
    public void The_languages_are_the_resources_and_each_edition_has_one()
    {
        Assert.Equal(["en", "tr"], KitLanguage.Codes);
        var editions = NotebookEditions.Languages(RepositoryNotebooks.Folder);
        Assert.Equal([RepositoryNotebooks.Turkish], editions);
        Assert.Empty(editions.Except(KitLanguage.Codes));
        Assert.Empty(KitLanguage.Codes.Except(["en"]).Except(editions));
    }

    [Fact]
    public void An_unknown_language_is_a_one_line_error_naming_the_kit_s_languages()
    {
        var error = Assert.Throws<ArgumentException>(() => KitLanguage.Set("de"));
        Assert.StartsWith("The kit has no language \"de\"; it speaks en and tr.", error.Message);
        Assert.Equal("en", KitLanguage.Code);
    }

    [Fact]
    public void Charts_in_Turkish_carry_Turkish_titles_axes_legends_and_class_names()
    {
        KitLanguage.Set("tr");
        var data = new TextClassificationData([], [], "test");
        Assert.Equal(["Dünya", "Spor", "Ekonomi", "Bilim/Teknoloji"], data.Classes);
        var counts = new long[4, 4];
        for (int c = 0; c < 4; c++) counts[c, c] = 10;
        string json = Plotly.NET.GenericChart.toChartHTML(ConfusionMatrixChart.Create(new ConfusionMatrix(data.Classes, counts)));
        Assert.Contains("Karışıklık matrisi", json);
        Assert.Contains("tahmin edilen sınıf", json);
        Assert.Contains("Bilim/Teknoloji", json);
        Assert.Contains("\"separators\":\",.\"", json);
    }

    [Fact]
    public void A_Turkish_headline_keeps_its_letters_as_Python_lowercases_them()
    {
        // Python's str.lower(): İ becomes i and a combining dot (U+0307), I becomes i (not ı), ı stays ı.
        Assert.Equal(["i\u0307stanbul", "borsası", "ılık", "bir", "günde", "yükseldi", "iğdir", ",", "i\u0307zmir"],
            BasicEnglishTokenizer.Tokenize("İSTANBUL Borsası ılık bir günde yükseldi: IĞDIR, İzmir"));
    }

    [Fact]
    public void A_Turkish_headline_in_a_try_your_own_cell_is_classified_with_its_letters_kept()
    {
        KitLanguage.Set("tr");
        Lessons.Runtime.TorchRuntime.EnsureReady();   // LibTorch loaded the kit's way, whichever test runs first
        TorchSharp.torch.manual_seed(0);
        var vocabulary = Vocabulary.Build([["borsa", "stocks"]]);
        var classes = new TextClassificationData([], [], "test").Classes;
        using var model = new RecurrentClassifier(ClassifierOptions.For(CellKind.Lstm, vocabulary.Count));
        const string headline = "İstanbul Borsası güne yükselişle başladı, ılımlı seyir";

        var prediction = new Predictor(model, vocabulary, classes).Classify(headline);

        // Eight tokens, none of them in an English vocabulary: the model reads unknown words, and says little.
        Assert.Equal(Enumerable.Repeat("<unk>", 8), prediction.Tokens);
        Assert.Contains(prediction.Class, classes);
        Assert.EndsWith($"): {headline}", prediction.ToString());
        Assert.Matches(@"^\S.* \(%\d+\): ", prediction.ToString());
    }

    [Fact]
    public void A_file_of_ones_own_that_does_not_fit_is_refused_in_Turkish_naming_file_and_line()
    {
        string folder = Directory.CreateTempSubdirectory("lessons-wording-").FullName;
        string file = Path.Combine(folder, "pets.tsv");
        File.WriteAllText(file, "label\ttext\ncats\tthe cat sat\ndogs\tthe dog barks\n");
        KitLanguage.Set("tr");
        try
        {
            var error = Assert.Throws<DataFormatException>(() => OwnData.Load(file, new OwnDataOptions("class", null, 0.2, 0)));
            Assert.Equal($"{file}, satır 1: «class» adlı sütun yok (--label-column); başlık satırındaki sütunlar: «label», «text»",
                error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The values a template shows: its {index[,alignment]} holes, sorted (a language may write a value
    /// another way: "{3:0.#%}" in English is "{3:P0}" in Turkish, which puts the percent sign first).</summary>
    static string Values(string template) =>
        string.Join(" ", Hole().Matches(template.Replace("{{", "").Replace("}}", "")).Select(m => m.Groups["value"].Value)
            .Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{(?<value>\d+(,-?\d+)?)(:[^{}]*)?\}")]
    private static partial Regex Hole();

    /// <summary>A file name the code names, which looks like a key but is not one: "checkpoint.json".</summary>
    [GeneratedRegex(@"\.(json|csv|tsv|txt|ipynb|md|png|svg|html|js|dll|sln|pt|bin)$")]
    private static partial Regex FileName();

    /// <summary>A string literal shaped like a key: "chart.confusion", "step.rnn-slip-bias".</summary>
    [GeneratedRegex(@"""(?<key>[a-z]+\.[a-z0-9][a-z0-9.\-]*)""")]
    private static partial Regex TextKey();
}
