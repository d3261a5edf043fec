using System.Text;

namespace Lessons.Text;

/// <summary>
/// torchtext's <c>get_tokenizer("basic_english")</c>, token for token. torchtext lowercases the line (Python's
/// <c>str.lower()</c>), then applies, in this order: <c>'</c> → <c>" '  "</c>, <c>"</c> removed, <c>.</c> → <c>" . "</c>,
/// <c>&lt;br /&gt;</c> → space, <c>, ( ) ! ?</c> padded with spaces, <c>; :</c> → space, and splits on Python's
/// whitespace. Here that chain of regex replaces is one pass over the text: every <c>' . , ( ) ! ?</c> is a token of
/// its own, <c>; :</c>, <c>&lt;br /&gt;</c> and whitespace end a token, a <c>"</c> vanishes (so <c>&lt;br "/&gt;</c> is a
/// line break too, as the quote is gone before torchtext looks for one), everything else is lowercased into the token.
/// </summary>
/// <example><c>Tokenize("You can now install TorchText using pip!")</c> gives
/// <c>you can now install torchtext using pip !</c>.</example>
public static class BasicEnglishTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = reusedTokens ??= new List<string>(256);
        tokens.Clear();
        var sink = new ListSink(tokens);
        Scan(text, ref sink);
        return tokens.ToArray();
    }

    /// <summary>Adds the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sink = new ListSink(tokens);
        Scan(text, ref sink);
    }

    /// <summary>The number of tokens of <paramref name="text"/>, without making them.</summary>
    public static int CountTokens(ReadOnlySpan<char> text)
    {
        var sink = new CountSink();
        Scan(text, ref sink);
        return sink.Count;
    }

    /// <summary>Writes the tokens of <paramref name="text"/> joined by single spaces (no line end).</summary>
    public static void WriteTokens(ReadOnlySpan<char> text, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var sink = new WriterSink(writer);
        Scan(text, ref sink);
    }

    [ThreadStatic] private static List<string>? reusedTokens; // reused by Tokenize(string), which returns a copy

    private interface ITokenSink
    {
        void Add(ReadOnlySpan<char> token);
    }

    private readonly struct ListSink(List<string> tokens) : ITokenSink
    {
        private readonly TokenPool pool = TokenPool.Current;
        public void Add(ReadOnlySpan<char> token) => tokens.Add(pool.Get(token));
    }

    private struct CountSink : ITokenSink
    {
        public int Count;
        public void Add(ReadOnlySpan<char> token) => Count++;
    }

    private struct WriterSink(TextWriter writer) : ITokenSink
    {
        private bool atFirstToken = true;
        public void Add(ReadOnlySpan<char> token)
        {
            if (!atFirstToken) writer.Write(' ');
            writer.Write(token);
            atFirstToken = false;
        }
    }

    // What each ASCII character does.
    private const byte Keep = 0, Upper = 1, Space = 2, Alone = 3, Break = 4, Drop = 5, Angle = 6;
    private static readonly byte[] Ascii = BuildAsciiTable();

    private static byte[] BuildAsciiTable()
    {
        var table = new byte[128];
        for (char c = 'A'; c <= 'Z'; c++) table[c] = Upper;
        foreach (char c in "\t\n\v\f\r\x1c\x1d\x1e\x1f ") table[c] = Space; // Python's str.split() whitespace in ASCII
        foreach (char c in "'.,()!?") table[c] = Alone;
        foreach (char c in ";:") table[c] = Break;
        table['"'] = Drop;
        table['<'] = Angle;
        return table;
    }

    private static void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, ITokenSink
    {
        var token = new CharBuffer(stackalloc char[128]);
        try
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c < 128)
                {
                    switch (Ascii[c])
                    {
                        case Keep: token.Append(c); break;
                        case Upper: token.Append((char)(c | 0x20)); break;
                        case Space:
                        case Break:
                            Flush(ref token, ref sink);
                            break;
                        case Alone:
                            Flush(ref token, ref sink);
                            sink.Add(text.Slice(i, 1));
                            break;
                        case Drop: break;
                        case Angle:
                            int end = LineBreakEnd(text, i);
                            if (end < 0)
                            {
                                token.Append(c);
                                break;
                            }
                            Flush(ref token, ref sink);
                            i = end;
                            continue;
                    }
                    i++;
                }
                else if (IsPythonSpace(c))
                {
                    Flush(ref token, ref sink);
                    i++;
                }
                else if (Rune.DecodeFromUtf16(text[i..], out var rune, out int size) == System.Buffers.OperationStatus.Done)
                {
                    PythonLowercase.Append(text, i, rune, ref token);
                    i += size;
                }
                else
                {
                    token.Append(c); // a lone surrogate stays as it is
                    i++;
                }
            }
            Flush(ref token, ref sink);
        }
        finally
        {
            token.Dispose();
        }
    }

    private static void Flush<TSink>(ref CharBuffer token, ref TSink sink) where TSink : struct, ITokenSink
    {
        if (token.Length == 0) return;
        sink.Add(token.Span);
        token.Clear();
    }

    /// <summary>If a <c>&lt;br /&gt;</c> starts at <paramref name="start"/> (case-insensitive, with any <c>"</c> inside
    /// ignored, as torchtext removes them first), the index just past it; otherwise -1.</summary>
    private static int LineBreakEnd(ReadOnlySpan<char> text, int start)
    {
        const string rest = "br />";
        int j = start + 1;
        foreach (char expected in rest)
        {
            while (j < text.Length && text[j] == '"') j++;
            if (j == text.Length) return -1;
            char c = text[j];
            if (c != expected && !(expected is 'b' or 'r' && c == (expected ^ 0x20))) return -1;
            j++;
        }
        return j;
    }

    /// <summary>Python's <c>str.isspace()</c> (what <c>str.split()</c> and the regex <c>\s</c> split on) beyond ASCII.</summary>
    private static bool IsPythonSpace(char c) =>
        c is '\x85' or '\xA0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';
}
