using System.Globalization;

namespace Lessons.Data;

/// <summary>The rows of one file of a user's own data: each row's class as written and its text columns.</summary>
internal sealed record OwnDataFile(string Path, string Columns, IReadOnlyList<OwnDataFile.Row> Rows)
{
    /// <summary>One row: where it starts, its class as written, its first text column and the others joined.</summary>
    internal sealed record Row(int Line, string Label, string Title, string Description);

    /// <summary>Reads the CSV (comma) or TSV (tab, by the <c>.tsv</c> extension) file at <paramref name="path"/>.</summary>
    /// <exception cref="AgNewsFormatException">A chosen column does not exist, a row is bad, the file is not UTF-8,
    /// or it has no rows.</exception>
    public static OwnDataFile Read(string path, OwnDataOptions options)
    {
        using var reader = DelimitedRecords.Utf8Reader(File.ReadAllBytes(path), path);
        using var records = DelimitedRecords.Read(reader, path, DelimitedRecords.DelimiterFor(path)).GetEnumerator();
        if (!records.MoveNext())
            throw new AgNewsFormatException(path, 1, "the file has no rows");

        string[]? header = options.HasHeader ? records.Current.Fields : null;
        int width = records.Current.Fields.Length;
        int label = ColumnIndex(options.Label, "--label-column", header, width, path);
        int[] texts = options.TextColumns is { Count: > 0 } chosen
            ? [.. chosen.Select(c => ColumnIndex(c, "--text-columns", header, width, path))]
            : [.. Enumerable.Range(0, width).Where(i => i != label)];
        if (texts.Length == 0)
            throw new AgNewsFormatException(path, 1, "the file has one column only: there is no text beside the label");
        if (texts.Contains(label))
            throw new AgNewsFormatException(path, 1, $"the label column {Name(label, header)} is also a text column");

        var rows = new List<Row>();
        if (header is null) Add(records.Current);
        while (records.MoveNext()) Add(records.Current);
        if (rows.Count == 0)
            throw new AgNewsFormatException(path, 1, "the file has no rows below its header");
        var columns = Lessons.Localization.KitLanguage.Words.Format(texts.Length == 1 ? "data.columns-one" : "data.columns",
            Name(label, header), string.Join(", ", texts.Select(t => Name(t, header))));
        return new OwnDataFile(path, columns, rows);

        void Add(DelimitedRecord record)
        {
            if (record.Fields.Length != width)
                throw new AgNewsFormatException(path, record.Line,
                    $"expected {width} fields{(header is null ? " (as on line 1)" : " (as in the header)")}, " +
                    $"found {record.Fields.Length}: {DelimitedRecords.Excerpt(record.Raw)}");
            string value = record.Fields[label].Trim();
            if (value.Length == 0)
                throw new AgNewsFormatException(path, record.Line, $"the label column {Name(label, header)} is empty");
            if (texts.All(t => string.IsNullOrWhiteSpace(record.Fields[t])))
                throw new AgNewsFormatException(path, record.Line, "the text columns are all empty");
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
            throw new AgNewsFormatException(path, 1,
                $"there is no column {index} ({option}): " +
                $"the file has {width} column{(width == 1 ? "" : "s")}, 0 to {width - 1}");
        }
        int found = Array.IndexOf(header!, column);
        if (found >= 0) return found;
        throw new AgNewsFormatException(path, 1,
            $"there is no column «{column}» ({option}); " +
            $"the header's columns are: {string.Join(", ", header!.Select(h => $"«{h}»"))}");
    }

    private static string Name(int index, string[]? header) => header is null ? $"{index}" : $"«{header[index]}»";
}
