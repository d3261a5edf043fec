using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lessons.Tests.Charts;
using Lessons.Tests.Runner;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// The notebooks as committed, with the outputs a student reads on GitHub before running anything: no path of the
/// machine that ran them, no raw .NET type names where a value should have been shown, no "null" cells or blank
/// rows in the charts' data. Reads the .ipynb files only (nothing runs), so it checks what was last re-run: after a
/// fix in the library it passes once the notebooks are re-run. The checks of the notebooks have their own category, so
/// that the suite can run without them while a re-run is pending: <c>--filter "Category!=CommittedNotebooks"</c>.
/// </summary>
public sealed class CommittedOutputsTests
{
    static readonly string Folder = RepositoryNotebooks.Folder;

    /// <summary>A Unix home, work or temp folder (not inside a URL), or a Windows user folder.</summary>
    static readonly Regex MachinePath = new(@"(?<![\w.:/\\-])/(?:work|home|root|tmp|Users)/[^\s""'<]*|\b[A-Za-z]:\\{1,2}Users\\[^\s""'<]*");

    /// <summary>A generic type's runtime name (List`1) or a record dumped with a framework type as a value.</summary>
    static readonly Regex TypeName = new(@"\{ \w+ = System\.[\w.]+(`\d+)?|[A-Za-z_][\w.]*`\d+(\[[\w.,\s\[\]`]*\])?");

    public static TheoryData<string> Notebooks() => new(RepositoryNotebooks.All());

    [Fact]
    public void The_notebooks_folder_has_notebooks() => Assert.NotEmpty(Notebooks());

    [Theory]
    [MemberData(nameof(Notebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Outputs_carry_no_machine_path(string notebook) =>
        AssertNone(notebook, "machine path", output => MachinePath.Matches(output.Text).Select(m => m.Value));

    [Theory]
    [MemberData(nameof(Notebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Outputs_carry_no_raw_type_names(string notebook) =>
        AssertNone(notebook, "raw type name", output => TypeName.Matches(output.Text).Select(m => m.Value));

    [Theory]
    [MemberData(nameof(Notebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Charts_have_no_null_cells(string notebook) =>
        AssertNone(notebook, "chart defect", output => ChartData(output.Text).SelectMany(ChartDataDefects.In));

    /// <summary>
    /// A run's live display or the long-memory counter left in an output (<see cref="ComparisonOutputTests.ProgressLine"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Outputs_carry_no_progress_lines(string notebook) =>
        AssertNone(notebook, "progress line", output => ComparisonOutputTests.ProgressLine.Matches(output.Text).Select(m => m.Value));

    /// <summary>
    /// Text escaped twice shows its escapes to the reader ("Schröders&amp;#39;" reads Schröders&amp;#39;): a table cell or
    /// a chart label is escaped once, by whoever writes the HTML.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Outputs_escape_text_once(string notebook) =>
        AssertNone(notebook, "text escaped twice", output => EscapedTwice.Matches(output.Text).Select(m => m.Value));

    /// <summary>An escape whose own ampersand was escaped again: &amp;amp;#39; &amp;amp;quot; &amp;amp;amp;</summary>
    static readonly Regex EscapedTwice = new(@"&amp;(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    /// <summary>
    /// A number that rounds to zero is written without a sign: no "-0.00", "-0,0" or "-+0.00" (a C# custom format such
    /// as +0.00;-0.00 writes a small negative number so) in printed text.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Printed_text_writes_no_signed_zero(string notebook) =>
        AssertNone(notebook, "signed zero", output => output.Kind == "text/html" ? [] : SignedZero.Matches(output.Text).Select(m => m.Value));

    static readonly Regex SignedZero = new(@"(?<![\w.,])-\+?0(?:[.,]0+)?(?![.,]?\d)");

    public static TheoryData<string> TurkishNotebooks() => new(RepositoryNotebooks.All(RepositoryNotebooks.Turkish));

    /// <summary>
    /// The Turkish edition's outputs write the Turkish way: the percent sign first (%85,4) in text and in the charts'
    /// own formats, thousands grouped in tables (6.080), and no English table header ("index") or picture name ("chart").
    /// </summary>
    [Theory]
    [MemberData(nameof(TurkishNotebooks))]
    [Trait("Category", "CommittedNotebooks")]
    public void Turkish_outputs_write_numbers_and_names_the_Turkish_way(string notebook) =>
        AssertNone(notebook, "English way of writing", output => EnglishWriting(output));

    static IEnumerable<string> EnglishWriting(Output output)
    {
        var found = EnglishInTurkish.Matches(output.Text).Select(m => m.Value);
        if (output.Kind == "text/html")
            found = found.Concat(UngroupedCell.Matches(output.Text).Select(m => m.Value))
                .Concat(PlotlyPercent.Matches(output.Text).Select(m => m.Value));
        else
            found = found.Concat(PercentLast.Matches(output.Text).Select(m => m.Value));
        return found;
    }

    /// <summary>A number with the percent sign after it (85,4% or 85.4 %), outside a chart's data.</summary>
    static readonly Regex PercentLast = new(@"(?<![%\w.,])\d+(?:[.,]\d+)?\s?%(?![\w{])");

    /// <summary>A table cell holding a whole number of four or more digits with no thousands point.</summary>
    static readonly Regex UngroupedCell = new(@"<td>\d{4,}</td>");

    /// <summary>A plotly.js format that puts the sign last whatever the language: a tick format ".0%", a template's %{y:.1%}.</summary>
    static readonly Regex PlotlyPercent = new(@"""tickformat"":""[^""]*%""|\{[a-z]+:[^}]*%\}");

    /// <summary>The English names the kit writes into outputs: a table's row-number header, a chart picture's alt text.</summary>
    static readonly Regex EnglishInTurkish = new(@"<th><i>index</i></th>|data-alt=""chart""|alt=""chart""");

    [Fact]
    public void The_checks_find_what_they_look_for()
    {
        Assert.Equal(["85,9%", "12 %"], PercentLast.Matches("doğruluk 85,9% ve %85,9; 12 % ile %95 aralığı").Select(m => m.Value));
        Assert.Equal(["<td>6080</td>"], UngroupedCell.Matches("<td>6.080</td><td>6080</td><td>980</td>").Select(m => m.Value));
        Assert.Equal(2, PlotlyPercent.Matches("{\"tickformat\":\".0%\"} %{y:.1%}").Count);
        Assert.Single(EnglishInTurkish.Matches("<th><i>index</i></th><th><i>sıra</i></th>"));
        Assert.Equal(["&amp;#39;", "&amp;amp;"], EscapedTwice.Matches("the Schröders&amp;#39; home, AT&amp;T, AT&amp;amp;T, it&#39;s").Select(m => m.Value));
        Assert.Equal(["/work/main/data/checkpoints/lstm"], MachinePath.Matches("saved lstm to /work/main/data/checkpoints/lstm\n").Select(m => m.Value));
        Assert.Equal(@"C:\Users\ann\data", MachinePath.Match(@"cache C:\Users\ann\data").Value);
        Assert.Empty(MachinePath.Matches("https://cdn.plot.ly/tmp/plotly.min.js and the ratio 3/tmp/"));
        Assert.Equal("{ Train = System.Collections.Generic.List`1",
            TypeName.Match("TextClassificationData { Train = System.Collections.Generic.List`1[Lessons.Data.LabeledText], Test").Value);
        Assert.Equal("System.Collections.Generic.List`1[Lessons.Data.LabeledText]", TypeName.Match("a System.Collections.Generic.List`1[Lessons.Data.LabeledText]").Value);
        Assert.Empty(TypeName.Matches("AG News: 6,080 train, 1,520 test headlines, 4 classes"));

        var old = ChartData("var data = [{\"type\":\"heatmap\",\"z\":[[1,null],[null,null]],\"text\":[[\"a\",null],[null,null]]}];\nvar layout = {};");
        Assert.Equal(2, ChartDataDefects.In(old.Single()).Count);
        var current = ChartData("var figure = {\"data\":[{\"type\":\"bar\",\"text\":[\"a\",\"b\"],\"y\":[1,null]}],\"layout\":{}};");
        Assert.Empty(ChartDataDefects.In(current.Single()));
    }

    /// <summary>One text output of a code cell: its cell number (1-based, all cells counted) and text.</summary>
    sealed record Output(int Cell, string Kind, string Text);

    static void AssertNone(string notebook, string what, Func<Output, IEnumerable<string>> find)
    {
        var found = Outputs(notebook)
            .SelectMany(o => find(o).Select(f => $"{notebook} cell {o.Cell} ({o.Kind}): {f}"))
            .Distinct().ToList();
        Assert.True(found.Count == 0, $"{found.Count} {what}(s) in the committed outputs:\n" + string.Join("\n", found));
    }

    /// <summary>Every text output (streams, text/plain, text/html; not images) of every code cell.</summary>
    static IEnumerable<Output> Outputs(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, notebook)));
        var result = new List<Output>();
        int cell = 0;
        foreach (var c in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            cell++;
            if (!c.TryGetProperty("outputs", out var outputs)) continue;
            foreach (var output in outputs.EnumerateArray())
            {
                if (output.TryGetProperty("text", out var text)) result.Add(new Output(cell, "stream", RepositoryNotebooks.Joined(text)));
                if (output.TryGetProperty("data", out var data))
                    foreach (var item in data.EnumerateObject().Where(d => d.Name.StartsWith("text/", StringComparison.Ordinal)))
                        result.Add(new Output(cell, item.Name, RepositoryNotebooks.Joined(item.Value)));
            }
        }
        return result;
    }

    /// <summary>
    /// The plotly.js data arrays of the charts in an output: the kit writes <c>var figure = {data, layout}</c>,
    /// Plotly.NET's own display <c>var data = [...]</c>.
    /// </summary>
    static List<JsonElement> ChartData(string html)
    {
        var charts = new List<JsonElement>();
        foreach (Match m in Regex.Matches(html, @"var (data|figure) = "))
        {
            var bytes = Encoding.UTF8.GetBytes(html[(m.Index + m.Length)..]);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
            using var value = JsonDocument.ParseValue(ref reader);
            var root = value.RootElement.Clone();
            charts.Add(m.Groups[1].Value == "data" ? root : root.GetProperty("data"));
        }
        return charts;
    }
}
