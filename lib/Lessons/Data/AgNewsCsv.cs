using System.Globalization;
using System.Text;
using System.Text.Unicode;
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
    /// <exception cref="AgNewsFormatException">A row is bad, the file is not UTF-8, or it has no rows.</exception>
    public static IReadOnlyList<NewsItem> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>The rows of a file's <paramref name="bytes"/>, read already; <paramref name="path"/> names it in errors.</summary>
    internal static IReadOnlyList<NewsItem> Read(byte[] bytes, string path)
    {
        ThrowIfNotUtf8(bytes, path);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Read(reader, path);
    }

    /// <summary>Text that is not UTF-8 would otherwise turn into U+FFFD silently, changing the text.</summary>
    private static void ThrowIfNotUtf8(byte[] bytes, string path)
    {
        if (Utf8.IsValid(bytes)) return;
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out int valid, out _, replaceInvalidSequences: false);
        var before = bytes.AsSpan(0, valid);
        int line = 1 + before.Count((byte)'\n');
        int column = 1 + valid - (before.LastIndexOf((byte)'\n') + 1);
        throw new AgNewsFormatException(path, line,
            $"byte {column} of the line (0x{bytes[valid]:X2}) is not valid UTF-8; save the file as UTF-8");
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
            IgnoreBlankLines = false, // seen and skipped below, so that the line count stays right
        };
        using var parser = new CsvParser(reader, config);

        var items = new List<NewsItem>();
        int line = 1; // where the next record starts: counted here, as CsvHelper's own count slips on a quote left open
        while (parser.Read())
        {
            int start = line;
            line += LineBreaks(parser.RawRecord);
            var fields = parser.Record!; // reading the fields is what reports bad quotes
            if (badField is not null)
                throw new AgNewsFormatException(name, start,
                    $"a quote is not closed where it should be, in {Excerpt(badField)} " +
                    "(a field in quotes must end in a quote followed by a comma or the line end; a quote inside it is written \"\")");
            if (fields is [""])
                continue; // a blank line
            if (fields.Length != 3)
                throw new AgNewsFormatException(name, start,
                    $"expected 3 fields (class, title, description), found {fields.Length}: {Excerpt(parser.RawRecord)}");

            string label = fields[0], title = fields[1], description = fields[2];
            if (label is not ("1" or "2" or "3" or "4"))
                throw new AgNewsFormatException(name, start,
                    $"the class {Excerpt(label)} is not one of 1, 2, 3, 4 ({string.Join(", ", AgNews.Classes)})");
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(description))
                throw new AgNewsFormatException(name, start, "the title and the description are both empty");

            items.Add(new NewsItem(label[0] - '1', title, description));
        }
        if (items.Count == 0)
            throw new AgNewsFormatException(name, 1, "the file has no rows");
        return items;
    }

    /// <summary>The line breaks in a raw record, its own line end included (CRLF, LF or a lone CR each count once).</summary>
    private static int LineBreaks(string raw)
    {
        int breaks = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n') breaks++;
            else if (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')) breaks++;
        }
        return breaks;
    }

    private static string Excerpt(string text)
    {
        var oneLine = text.TrimEnd('\r', '\n').ReplaceLineEndings("⏎");
        return oneLine.Length <= 80 ? $"«{oneLine}»" : $"«{oneLine[..80]}...»";
    }
}
