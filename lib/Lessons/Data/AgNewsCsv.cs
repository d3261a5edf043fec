namespace Lessons.Data;

/// <summary>
/// Reads an AG News CSV file: no header, three fields per row, <c>"class","title","description"</c>, class 1..4.
/// Quoted fields, doubled quotes, commas inside fields, a byte order mark and CRLF line ends are all fine. The first
/// bad row stops the read with an <see cref="DataFormatException"/> naming the file and line, so a caller never
/// gets half a file. Titles and descriptions come back with their HTML escapes decoded (<see cref="LabeledText.Decoded"/>).
/// </summary>
internal static class AgNewsCsv
{
    /// <summary>The rows of the file at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">A row is bad, the file is not UTF-8, or it has no rows.</exception>
    public static IReadOnlyList<LabeledText> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>The rows of a file's <paramref name="bytes"/>, read already; <paramref name="path"/> names it in errors.</summary>
    internal static IReadOnlyList<LabeledText> Read(byte[] bytes, string path)
    {
        using var reader = DelimitedRecords.Utf8Reader(bytes, path);
        return Read(reader, path);
    }

    /// <summary>The rows of <paramref name="reader"/>; <paramref name="name"/> names the source in errors.</summary>
    public static IReadOnlyList<LabeledText> Read(TextReader reader, string name)
    {
        var items = new List<LabeledText>();
        foreach (var (start, fields, raw) in DelimitedRecords.Read(reader, name))
        {
            if (fields.Length != 3)
                throw new DataFormatException(name, start,
                    $"expected 3 fields (class, title, description), found {fields.Length}: {DelimitedRecords.Excerpt(raw)}");

            string label = fields[0], title = fields[1], description = fields[2];
            if (label is not ("1" or "2" or "3" or "4"))
                throw new DataFormatException(name, start,
                    $"the class {DelimitedRecords.Excerpt(label)} is not one of 1, 2, 3, 4 ({string.Join(", ", AgNews.Classes)})");
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(description))
                throw new DataFormatException(name, start, "the title and the description are both empty");

            items.Add(LabeledText.Decoded(label[0] - '1', title, description));
        }
        if (items.Count == 0)
            throw new DataFormatException(name, 1, "the file has no rows");
        return items;
    }
}
