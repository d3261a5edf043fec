using System.Globalization;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Data;

/// <summary>The rows of one file of a user's own data: each row's class as written and its text columns.</summary>
internal sealed record OwnDataFile(string Path, string Columns, IReadOnlyList<OwnDataFile.Row> Rows)
{
    /// <summary>One row: where it starts, its class as written, its first text column and the others joined.</summary>
    internal sealed record Row(int Line, string Label, string Title, string Description);

    /// <summary>Reads the CSV (comma) or TSV (tab, by the <c>.tsv</c> extension) file at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">A chosen column does not exist, a row is bad, the file is not UTF-8,
    /// or it has no rows.</exception>
    public static OwnDataFile Read(string path, OwnDataOptions options)
    {
        using var reader = DelimitedRecords.Utf8Reader(File.ReadAllBytes(path), path);
        using var records = DelimitedRecords.Read(reader, path, DelimitedRecords.DelimiterFor(path)).GetEnumerator();
        if (!records.MoveNext())
            throw new DataFormatException(path, 1, Words.Text("data.error-no-rows"));

        string[]? header = options.HasHeader ? records.Current.Fields : null;
        int width = records.Current.Fields.Length;
        int label = ColumnIndex(options.Label, "--label-column", header, width, path);
        int[] texts = options.TextColumns is { Count: > 0 } chosen
            ? [.. chosen.Select(c => ColumnIndex(c, "--text-columns", header, width, path))]
            : [.. Enumerable.Range(0, width).Where(i => i != label)];
        if (texts.Length == 0)
            throw new DataFormatException(path, 1, Words.Text("data.error-one-column"));
        if (texts.Contains(label))
            throw new DataFormatException(path, 1, Words.Format("data.error-label-is-text", Name(label, header)));

        var rows = new List<Row>();
        if (header is null) Add(records.Current);
        while (records.MoveNext()) Add(records.Current);
        if (rows.Count == 0)
            throw new DataFormatException(path, 1, Words.Text("data.error-no-rows-below-header"));
        var columns = Words.Format(texts.Length == 1 ? "data.columns-one" : "data.columns",
            Name(label, header), string.Join(", ", texts.Select(t => Name(t, header))));
        return new OwnDataFile(path, columns, rows);

        void Add(DelimitedRecord record)
        {
            if (record.Fields.Length != width)
                throw new DataFormatException(path, record.Line, Words.Format(
                    header is null ? "data.error-fields-line-1" : "data.error-fields-header",
                    width, record.Fields.Length, DelimitedRecords.Excerpt(record.Raw)));
            string value = record.Fields[label].Trim();
            if (value.Length == 0)
                throw new DataFormatException(path, record.Line, Words.Format("data.error-label-empty", Name(label, header)));
            if (texts.All(t => string.IsNullOrWhiteSpace(record.Fields[t])))
                throw new DataFormatException(path, record.Line, Words.Text("data.error-texts-empty"));
            var rest = string.Join(" ", texts[1..].Select(t => record.Fields[t]));
            rows.Add(new Row(record.Line, value, record.Fields[texts[0]], rest));
        }
    }

    /// <summary>The index of <paramref name="column"/> (a header name or an index from 0).</summary>
    private static int ColumnIndex(string column, string option, string[]? header, int width, string path)
    {
        if (OwnDataOptions.IsIndex(column))
        {
            int index = int.Parse(column, CultureInfo.InvariantCulture);
            if (index < width) return index;
            throw new DataFormatException(path, 1, Words.Format(
                width == 1 ? "data.error-no-column-index-one" : "data.error-no-column-index", index, option, width, width - 1));
        }
        int found = Array.IndexOf(header!, column);
        if (found >= 0) return found;
        throw new DataFormatException(path, 1, Words.Format("data.error-no-column-name", column, option,
            string.Join(", ", header!.Select(h => $"«{h}»"))));
    }

    private static string Name(int index, string[]? header) => header is null ? $"{index}" : $"«{header[index]}»";
}
