using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;

namespace Lessons.Data;

/// <summary>One row of a delimited file: the line it starts on (1-based), its fields and its raw text.</summary>
internal readonly record struct DelimitedRecord(int Line, string[] Fields, string Raw);

/// <summary>
/// The rows of a CSV or TSV file. CSV is read with CsvHelper: quoted fields (with line breaks and doubled quotes
/// inside) are fine, and a quote left open stops the read with an <see cref="DataFormatException"/> naming the file
/// and line. TSV has no quoting: each line is a row and each tab ends a field, so a quote is just a character (read as
/// CSV, a quote in a text swallowed the rows after it into one field). In both, a byte order mark and CRLF line ends
/// are fine, blank lines are skipped, and text that is not UTF-8 stops the read naming the file and line.
/// </summary>
internal static class DelimitedRecords
{
    /// <summary>The delimiter for a file: a tab for <c>.tsv</c> (and <c>.tab</c>), else a comma.</summary>
    public static string DelimiterFor(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".tsv" or ".tab" ? "\t" : ",";

    /// <summary>A reader over a file's <paramref name="bytes"/>, checked to be UTF-8 (with or without a BOM).</summary>
    public static StreamReader Utf8Reader(byte[] bytes, string path)
    {
        ThrowIfNotUtf8(bytes, path);
        return new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
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
        throw new DataFormatException(path, line,
            $"byte {column} of the line (0x{bytes[valid]:X2}) is not valid UTF-8; save the file as UTF-8");
    }

    /// <summary>The non-blank rows of <paramref name="reader"/>; <paramref name="name"/> names the source in errors.</summary>
    public static IEnumerable<DelimitedRecord> Read(TextReader reader, string name, string delimiter = ",")
    {
        ArgumentNullException.ThrowIfNull(reader);
        return delimiter == "\t" ? ReadTabSeparated(reader) : ReadQuoted(reader, name, delimiter);
    }

    /// <summary>The non-blank lines of <paramref name="reader"/>, split at every tab.</summary>
    private static IEnumerable<DelimitedRecord> ReadTabSeparated(TextReader reader)
    {
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length > 0) yield return new DelimitedRecord(line, text.Split('\t'), text);
        }
    }

    private static IEnumerable<DelimitedRecord> ReadQuoted(TextReader reader, string name, string delimiter)
    {
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = delimiter,
            BadDataFound = args => badField ??= args.Field,
            CacheFields = true, // class labels repeat: share their strings
            IgnoreBlankLines = false, // seen and skipped below, so that the line count stays right
        };
        using var parser = new CsvParser(reader, config);
        int line = 1; // where the next record starts: counted here, as CsvHelper's own count slips on a quote left open
        while (parser.Read())
        {
            int start = line;
            line += LineBreaks(parser.RawRecord);
            var fields = parser.Record!; // reading the fields is what reports bad quotes
            if (badField is not null)
                throw new DataFormatException(name, start,
                    $"a quote is not closed where it should be, in {Excerpt(badField)} " +
                    $"(a field in quotes must end in a quote followed by {(delimiter == "," ? "a comma" : $"«{delimiter}»")} " +
                    "or the line end; a quote inside it is written \"\")");
            if (fields is [""])
                continue; // a blank line
            yield return new DelimitedRecord(start, fields, parser.RawRecord);
        }
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

    /// <summary>A field or row shown in one line of at most 80 characters.</summary>
    public static string Excerpt(string text)
    {
        var oneLine = text.TrimEnd('\r', '\n').ReplaceLineEndings("⏎");
        return oneLine.Length <= 80 ? $"«{oneLine}»" : $"«{oneLine[..80]}...»";
    }
}
