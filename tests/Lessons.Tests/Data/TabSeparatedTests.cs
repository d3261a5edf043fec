using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Lessons.Data;

namespace Lessons.Tests.Data;

/// <summary>TSV has no quoting: a quote in a text is a character, each line a row, and a row of the wrong width an
/// error naming the file and line.</summary>
public sealed class TabSeparatedTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Forty_rows_whose_texts_hold_quotes_load_as_forty_rows_with_their_quotes()
    {
        var rows = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? $"{"ab"[i % 2 == 0 ? i / 2 % 2 : 1]}\t\"quoted start {i}"
            : $"{"ab"[i % 2]}\the said \"{i}\" and left");
        var path = folder.Write("quotes.tsv", "label\ttext\n" + string.Join("\n", rows) + "\n");

        var data = OwnData.Load(path, new OwnDataOptions());

        var texts = data.Train.Concat(data.Test).Select(i => i.Title).ToList();
        Assert.Equal(40, texts.Count);
        Assert.Contains("\"quoted start 0", texts);
        Assert.Contains("he said \"1\" and left", texts);
    }

    [Fact]
    public void A_row_of_the_wrong_width_after_a_quote_names_the_file_and_its_line()
    {
        var path = folder.Write("bad.tsv", "label\ttext\na\t\"open quote\nb\tfine\na\tone\ttab too many\nb\tlast\n");

        var error = Assert.Throws<DataFormatException>(() => OwnData.Load(path, new OwnDataOptions()));

        Assert.Equal($"{path}, line 4: expected 2 fields (as in the header), found 3: «a\tone\ttab too many»", error.Message);
    }

    [Fact]
    public void The_shipped_spamassassin_file_has_the_rows_it_had_when_read_with_csv_quoting()
    {
        var path = Path.Combine(SharedData.Folder, "spamassassin", "spamassassin.tsv");

        using var reader = DelimitedRecords.Utf8Reader(File.ReadAllBytes(path), path);
        var rows = DelimitedRecords.Read(reader, path, "\t").Select(r => (r.Line, r.Fields)).ToList();

        using var csvReader = new StreamReader(path);
        using var csv = new CsvParser(csvReader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, Delimiter = "\t" });
        var before = new List<string[]>();
        while (csv.Read()) before.Add(csv.Record!);
        Assert.Equal(5_758, rows.Count); // the header and 5,757 e-mails
        Assert.Equal(before, rows.Select(r => r.Fields));
        Assert.Equal(Enumerable.Range(1, 5_758), rows.Select(r => r.Line));
        var data = OwnData.Load(path, new OwnDataOptions());
        Assert.Equal([3_849, 248, 1_660], Enumerable.Range(0, 3).Select(c => data.Train.Concat(data.Test).Count(i => i.Label == c)));
    }
}
