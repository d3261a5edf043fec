using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Lessons.Runtime;

namespace Lessons.Text;

/// <summary>
/// The mapping between tokens and ids that the models' embeddings index. Built as torchtext's classic <c>Vocab</c>
/// builds it from a counter: id 0 is <c>&lt;unk&gt;</c>, id 1 is <c>&lt;pad&gt;</c>, then every token seen at least
/// <c>minFreq</c> times, most frequent first, ties in ordinal (code point) order, as Python sorts strings.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The id of tokens the vocabulary does not know.</summary>
    public const int Unk = 0;

    /// <summary>The id that pads short sequences in a batch.</summary>
    public const int Pad = 1;

    /// <summary>The token of <see cref="Unk"/>.</summary>
    public const string UnkToken = "<unk>";

    /// <summary>The token of <see cref="Pad"/>.</summary>
    public const string PadToken = "<pad>";

    private const string Header = "#lessons-vocabulary 1";

    private readonly string[] tokenOf;
    private readonly long[] countOf;
    private readonly Dictionary<string, int> idOf;

    private Vocabulary(string[] tokens, long[] counts, int ngrams, int minFreq)
    {
        tokenOf = tokens;
        countOf = counts;
        NGrams = ngrams;
        MinFreq = minFreq;
        idOf = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++) idOf.Add(tokens[i], i);
    }

    /// <summary>
    /// Counts the tokens of <paramref name="docs"/> (with their 2- to <paramref name="ngrams"/>-grams, see
    /// <see cref="Text.NGrams.Expand"/>) and keeps those seen at least <paramref name="minFreq"/> times.
    /// </summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> docs, int minFreq = 1, int ngrams = 1)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFreq, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ngrams, 1);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var tokens = ngrams == 1 ? doc : Text.NGrams.Expand(doc, ngrams);
            for (int i = 0; i < tokens.Count; i++)
                CollectionsMarshal.GetValueRefOrAddDefault(counts, tokens[i], out _)++;
        }
        counts.Remove(UnkToken);
        counts.Remove(PadToken);

        var kept = counts.Where(kv => kv.Value >= minFreq).ToArray();
        Array.Sort(kept, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : CompareCodePoints(a.Key, b.Key));

        var tokensById = new string[kept.Length + 2];
        var countsById = new long[kept.Length + 2];
        tokensById[Unk] = UnkToken;
        tokensById[Pad] = PadToken;
        for (int i = 0; i < kept.Length; i++)
        {
            tokensById[i + 2] = kept[i].Key;
            countsById[i + 2] = kept[i].Value;
        }
        return new Vocabulary(tokensById, countsById, ngrams, minFreq);
    }

    /// <summary>The number of ids, <c>&lt;unk&gt;</c> and <c>&lt;pad&gt;</c> included.</summary>
    public int Count => tokenOf.Length;

    /// <summary>The longest n-grams counted when the vocabulary was built (1: single tokens only).</summary>
    public int NGrams { get; }

    /// <summary>The least count a token needed to get an id.</summary>
    public int MinFreq { get; }

    /// <summary>All tokens, by id.</summary>
    public IReadOnlyList<string> Tokens => tokenOf;

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string this[int id] => tokenOf[id];

    /// <summary>How often the token with id <paramref name="id"/> was seen while building (0 for the specials).</summary>
    public long Frequency(int id) => countOf[id];

    /// <summary>The id of <paramref name="token"/>, or <see cref="Unk"/> when the vocabulary does not know it.</summary>
    public int IndexOf(string token) => idOf.GetValueOrDefault(token, Unk);

    /// <summary>Whether <paramref name="token"/> has an id of its own.</summary>
    public bool Contains(string token) => idOf.ContainsKey(token);

    /// <summary>The ids of <paramref name="tokens"/>, one per token (unknown ones become <see cref="Unk"/>). For an
    /// n-gram vocabulary pass <c>NGrams.Expand(tokens, vocabulary.NGrams)</c>.</summary>
    public int[] Encode(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = idOf.GetValueOrDefault(tokens[i], Unk);
        return ids;
    }

    /// <summary>The tokens of <paramref name="ids"/>.</summary>
    public string[] Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Select(id => (uint)id < (uint)tokenOf.Length
            ? tokenOf[id]
            : throw new ArgumentOutOfRangeException(nameof(ids), id, $"No token has id {id}; the vocabulary has {Count}.")).ToArray();
    }

    /// <summary>Writes the vocabulary to <paramref name="path"/>: a header line, then one line per id,
    /// <c>token&lt;TAB&gt;count</c>, with <c>\</c>, tab and line breaks in tokens escaped as <c>\\ \t \n \r</c>.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, (Stream stream) =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            Save(writer);
        });
    }

    /// <summary>Writes the vocabulary in the format of <see cref="Save(string)"/>.</summary>
    public void Save(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Header}\tngrams={NGrams}\tmin-freq={MinFreq}\n"));
        for (int i = 0; i < tokenOf.Length; i++)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Escape(tokenOf[i])}\t{countOf[i]}\n"));
    }

    /// <summary>Reads a vocabulary written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="VocabularyFormatException">The file is not such a vocabulary (names the line).</exception>
    public static Vocabulary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Load(reader, path);
    }

    /// <summary>Reads a vocabulary in the format of <see cref="Save(string)"/>; <paramref name="name"/> names the
    /// source in errors.</summary>
    public static Vocabulary Load(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        var fields = header?.Split('\t');
        if (fields is not [Header, var ngramsField, var minFreqField]
            || !TryParseSetting(ngramsField, "ngrams=", out int ngrams)
            || !TryParseSetting(minFreqField, "min-freq=", out int minFreq))
            throw new VocabularyFormatException(name, 1,
                $"expected the header \"{Header}<TAB>ngrams=N<TAB>min-freq=N\", found {Quote(header)}");

        var tokens = new List<string>();
        var counts = new List<long>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            int tab = text.LastIndexOf('\t');
            if (tab < 0)
                throw new VocabularyFormatException(name, line, $"expected \"token<TAB>count\", found {Quote(text)}");
            if (!long.TryParse(text.AsSpan(tab + 1), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out long count))
                throw new VocabularyFormatException(name, line, $"the count {Quote(text[(tab + 1)..])} is not a whole number");
            var token = Unescape(text.AsSpan(0, tab), name, line);
            if (token.Length == 0)
                throw new VocabularyFormatException(name, line, "the token is empty");
            int id = tokens.Count;
            string? expected = id == Unk ? UnkToken : id == Pad ? PadToken : null;
            if (expected is not null && token != expected)
                throw new VocabularyFormatException(name, line, $"id {id} must be {expected}, found {Quote(token)}");
            if (!seen.Add(token))
                throw new VocabularyFormatException(name, line, $"the token {Quote(token)} appears twice");
            tokens.Add(token);
            counts.Add(count);
        }
        if (tokens.Count < 2)
            throw new VocabularyFormatException(name, line + 1, $"the file ends before {UnkToken} and {PadToken}");
        return new Vocabulary(tokens.ToArray(), counts.ToArray(), ngrams, minFreq);
    }

    private static bool TryParseSetting(string field, string prefix, out int value)
    {
        value = 0;
        return field.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= 1;
    }

    /// <summary>Python's string order: by code point (UTF-16 ordinal order differs only where a surrogate pair
    /// meets a code unit in U+E000..U+FFFF).</summary>
    internal static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            // A surrogate stands for a code point above U+FFFF: it sorts after every other code unit.
            int cx = char.IsSurrogate(x) ? x + 0x10000 : x, cy = char.IsSurrogate(y) ? y + 0x10000 : y;
            return cx.CompareTo(cy);
        }
        return a.Length.CompareTo(b.Length);
    }

    private static string Escape(string token)
    {
        if (token.AsSpan().IndexOfAny("\\\t\n\r") < 0) return token;
        var sb = new StringBuilder(token.Length + 4);
        foreach (char c in token)
            sb.Append(c switch { '\\' => @"\\", '\t' => @"\t", '\n' => @"\n", '\r' => @"\r", _ => c.ToString() });
        return sb.ToString();
    }

    private static string Unescape(ReadOnlySpan<char> text, string name, int line)
    {
        if (text.IndexOf('\\') < 0) return text.ToString();
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\') { sb.Append(text[i]); continue; }
            if (++i == text.Length)
                throw new VocabularyFormatException(name, line, "the token ends in a lone \\ (write \\\\ for a backslash)");
            sb.Append(text[i] switch
            {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                var other => throw new VocabularyFormatException(name, line, $"unknown escape \\{other} (known: \\\\ \\t \\n \\r)"),
            });
        }
        return sb.ToString();
    }

    private static string Quote(string? text) =>
        text is null ? "the end of the file" : text.Length <= 60 ? $"\"{text}\"" : $"\"{text[..60]}...\"";
}
