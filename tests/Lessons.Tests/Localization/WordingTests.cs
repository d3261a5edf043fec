using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lessons.Charts;
using Lessons.Data;
using Lessons.Localization;
using Lessons.Models;
using Lessons.Runner;
using Lessons.Tests.Notebooks;
using Lessons.Text;
using Lessons.Training;

namespace Lessons.Tests.Localization;

/// <summary>
/// The kit's words, one resource per language (lib/Lessons/Localization/en.json and tr.json): the same texts in both,
/// with the same values in them; every text the code asks for exists and every text exists because the code asks for
/// it; every line the English notebooks print has its Turkish line; numbers written the Turkish way.
/// Switches the kit's language, so it runs with the notebooks, alone.
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed partial class WordingTests
{
    static readonly string Source = Path.GetFullPath(Path.Combine(RepositoryNotebooks.Folder, "..", "lib"));

    static Wording English => Switched("en");
    static Wording Turkish => Switched("tr");

    static Wording Switched(string code)
    {
        KitLanguage.Set(code);
        var words = KitLanguage.Words;
        KitLanguage.Set("en");
        return words;
    }

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
    public void Every_line_the_English_notebooks_print_has_its_Turkish_line_and_no_other()
    {
        var calls = RepositoryNotebooks.English()
            .SelectMany(notebook => CodeCells(notebook).SelectMany(PrintedLineTemplates.In).Select(call => (notebook, call)))
            .ToList();
        Assert.NotEmpty(calls);
        Assert.Empty(calls.Where(c => c.call.Template is null).Select(c => $"{c.notebook}: {c.call.Code}"));

        var needed = calls.Select(c => c.call.Template!).Where(t => Regex.IsMatch(Regex.Replace(t, @"\{[^{}]*\}", ""), "[A-Za-z]{2}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(needed.Except(Turkish.Lines.Keys).Select(t => $"no Turkish line for \"{t}\""));
        Assert.Empty(Turkish.Lines.Keys.Except(calls.Select(c => c.call.Template!)).Select(t => $"no notebook prints \"{t}\""));
        Assert.All(Turkish.Lines, line => Assert.True(Values(line.Key) == Values(line.Value),
            $"\"{line.Value}\" must show the values of \"{line.Key}\": [{Values(line.Key)}]"));
    }

    [Fact]
    public void A_Turkish_line_writes_numbers_names_and_yes_no_the_Turkish_way_and_quoted_values_as_they_are()
    {
        var line = Turkish.Line("{0} gate: mean {1:F2} over this headline", ["forget", 0.456], [false, false]);
        Assert.Equal("unutma kapısı: bu başlık boyunca ortalama 0,46", line);
        Assert.Equal("%85,4 · 6.080 · 3,2E-015", string.Format(Turkish.Culture, "{0:P1} · {1:N0} · {2:E1}", 0.854, 6080, 3.2e-15));
        Assert.Equal("aynı kelime torbası: evet", Turkish.Line("same bag of words: {0}", [true], [false]));
        Assert.Equal("birim 3, \"forward\" kelimesinde unutuyor (unutma kapısı 0,10)",
            Turkish.Line("unit {0} forgets at \"{1}\" (forget gate {2:F2})", [3, "forward", 0.1], [false, true, false]));
        Assert.Equal("paketlenmiş LSTM, 3 katman", Turkish.Name("packed LSTM, 3 layers"));
        Assert.Equal("packed LSTM, 3 layers", English.Name("packed LSTM, 3 layers"));
        Assert.Equal("my own run", Turkish.Name("my own run"));
        Assert.Equal("a line the resource does not know: 0,5", Turkish.Line("a line the resource does not know: {0}", [0.5], [false]));
        Assert.Equal("85.4 % · 6,080", string.Format(English.Culture, "{0:P1} · {1:N0}", 0.854, 6080));
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
        try
        {
            var data = new AgNewsData([], [], "test");
            Assert.Equal(["Dünya", "Spor", "Ekonomi", "Bilim/Teknoloji"], data.Classes);
            var counts = new long[4, 4];
            for (int c = 0; c < 4; c++) counts[c, c] = 10;
            string json = Plotly.NET.GenericChart.toChartHTML(ConfusionMatrixChart.Create(new ConfusionMatrix(data.Classes, counts)));
            Assert.Contains("Karışıklık matrisi", json);
            Assert.Contains("tahmin edilen sınıf", json);
            Assert.Contains("Bilim/Teknoloji", json);
            Assert.Contains("\"separators\":\",.\"", json);
        }
        finally
        {
            KitLanguage.Set("en");
        }
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
        try
        {
            TorchSharp.torch.manual_seed(0);
            var vocabulary = Vocabulary.Build([["borsa", "stocks"]]);
            var classes = new AgNewsData([], [], "test").Classes;
            using var model = new RecurrentClassifier(ClassifierOptions.For(CellKind.Lstm, vocabulary.Count));
            const string headline = "İstanbul Borsası güne yükselişle başladı, ılımlı seyir";

            var prediction = new Predictor(model, vocabulary, classes).Classify(headline);

            // Eight tokens, none of them in an English vocabulary: the model reads unknown words, and says little.
            Assert.Equal(Enumerable.Repeat("<unk>", 8), prediction.Tokens);
            Assert.Contains(prediction.Class, classes);
            Assert.EndsWith($"): {headline}", prediction.ToString());
            Assert.Matches(@"^\S.* \(%\d+\): ", prediction.ToString());
        }
        finally
        {
            KitLanguage.Set("en");
        }
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
            var error = Assert.Throws<AgNewsFormatException>(() => OwnData.Load(file, new OwnDataOptions("class", null, 0.2, 0)));
            Assert.Equal($"{file}, satır 1: «class» adlı sütun yok (--label-column); başlık satırındaki sütunlar: «label», «text»",
                error.Message);
        }
        finally
        {
            KitLanguage.Set("en");
            Directory.Delete(folder, recursive: true);
        }
    }

    static IEnumerable<string> CodeCells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryNotebooks.Folder, notebook)))!["cells"]!.AsArray().OfType<JsonObject>()
            .Where(c => (string?)c["cell_type"] == "code").Select(StudentEdition.Source);

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
