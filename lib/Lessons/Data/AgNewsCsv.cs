using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Lessons.Data;

/// <summary>
/// Reads an AG News CSV file: no header, three fields per row, <c>"class","title","description"</c>, class 1..4.
/// Quoted fields, doubled quotes, commas inside fields, a byte order mark and CRLF line ends are all fine. The first
/// bad row stops the read with an <see cref="AgNewsFormatException"/> naming the file and line, so a caller never
/// gets half a file.
/// </summary>
public static class AgNewsCsv
{
    /// <summary>The rows of the file at <paramref name="path"/>.</summary>
    /// <exception cref="AgNewsFormatException">A row is bad, or the file has none.</exception>
    public static IReadOnlyList<NewsItem> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Read(reader, path);
    }

    /// <summary>The rows of <paramref name="reader"/>; <paramref name="name"/> names the source in errors.</summary>
    public static IReadOnlyList<NewsItem> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => badField ??= args.Field,
            CacheFields = true, // the class labels repeat: share their strings
        };
        using var parser = new CsvParser(reader, config);

        var items = new List<NewsItem>();
        while (parser.Read())
        {
            int line = StartLine(parser);
            if (badField is not null)
                throw new AgNewsFormatException(name, line,
                    $"a quote is not closed where it should be, in {Excerpt(badField)} " +
                    "(a field in quotes must end in a quote followed by a comma or the line end; a quote inside it is written \"\")");
            if (parser.Count != 3)
                throw new AgNewsFormatException(name, line,
                    $"expected 3 fields (class, title, description), found {parser.Count}: {Excerpt(parser.RawRecord)}");

            string label = parser[0], title = parser[1], description = parser[2];
            if (label is not ("1" or "2" or "3" or "4"))
                throw new AgNewsFormatException(name, line,
                    $"the class {Excerpt(label)} is not one of 1, 2, 3, 4 ({string.Join(", ", AgNews.Classes)})");
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(description))
                throw new AgNewsFormatException(name, line, "the title and the description are both empty");

            items.Add(new NewsItem(label[0] - '1', title, description));
        }
        if (items.Count == 0)
            throw new AgNewsFormatException(name, 1, "the file has no rows");
        return items;
    }

    /// <summary>The line the current record starts on (CsvHelper counts the line it ends on; a quoted field may span
    /// lines).</summary>
    private static int StartLine(CsvParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        int breaks = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n') breaks++;
            else if (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')) breaks++;
        }
        return parser.RawRow - breaks;
    }

    private static string Excerpt(string text)
    {
        var oneLine = text.TrimEnd('\r', '\n').ReplaceLineEndings("⏎");
        return oneLine.Length <= 80 ? $"«{oneLine}»" : $"«{oneLine[..80]}...»";
    }
}
