using System.Net;
using System.Text.RegularExpressions;

namespace Lessons.Data;

/// <summary>
/// Decodes the HTML escapes in a text as it is loaded (<see cref="LabeledText.Decoded"/>), so that no token is a
/// fragment of one (<c>#39</c>, <c>quot</c>, <c>&amp;lt</c>, <c>n&amp;lt</c>). Three steps, in this order:
/// <list type="number">
/// <item>HTML markup written escaped, <c>&amp;lt;b&amp;gt;</c>, <c>&amp;lt;/A&amp;gt;</c>, <c>&amp;lt;A HREF="…"&amp;gt;</c>
/// (a tag of <see cref="TagNames"/>, any case), becomes a space: it was formatting and links of the feed the text came
/// from, not text. Angle brackets that hold no tag stay and are decoded: <c>Inc. &amp;lt;AAPL.O&amp;gt;</c> reads
/// <c>Inc. &lt;AAPL.O&gt;</c>.</item>
/// <item>Every character reference <c>&amp;name;</c>, <c>&amp;#n;</c>, <c>&amp;#xh;</c> is decoded by
/// <see cref="WebUtility.HtmlDecode(string)"/>, except numbers 128 to 159, which that leaves as C1 control characters
/// while HTML (and every browser) reads them as Windows-1252: <c>&amp;#151;</c> is an em dash, <c>&amp;#146;</c> a right
/// quote.</item>
/// <item>AG News's own form: its text lost the <c>&amp;</c> of most references to a space, so <c>Wednesday #39;s</c>,
/// <c>said  quot;no quot;</c>, <c>Johnson  amp; Johnson</c>, <c>for the  #36;10 million</c>, <c>threat #151;prostate</c>.
/// A reference in <see cref="SpacedNames"/>, or a number that is neither a control character nor an ASCII letter or
/// digit, after a space or at the start of the text is decoded with the space taken as its <c>&amp;</c>: <c>Wednesday's</c>, <c>said "no"</c>,
/// <c>Johnson &amp; Johnson</c>, <c>for the $10 million</c>, <c>threat—prostate</c>. Other names (<c> not;</c>,
/// <c> copy;</c>) are words followed by a semicolon and stay as they are.</item>
/// </list>
/// A reference is decoded once: <c>&amp;amp;lt;</c> becomes <c>&amp;lt;</c>. AG News's other quirk, a <c>\</c> where a
/// line break was, stays (as torchtext's tokenizer keeps it). The same decoding applies to a user's own data, where it
/// only changes text holding such escapes. Public for notebook 1, which shows a headline before and after.
/// </summary>
public static class HtmlEscapes
{
    /// <summary>The tags whose escaped markup is dropped (the ones the feeds behind AG News write, and their kin).</summary>
    internal static readonly IReadOnlyList<string> TagNames =
    [
        "a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code", "div", "em", "font", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "li", "nobr", "ol", "p", "small", "span", "strike", "strong", "sub", "sup", "table",
        "tbody", "td", "th", "tr", "tt", "u", "ul",
    ];

    /// <summary>The named references AG News writes with a space for the <c>&amp;</c>.</summary>
    internal static readonly IReadOnlyList<string> SpacedNames = ["quot", "amp", "lt", "gt", "hellip", "nbsp"];

    /// <summary>An escaped tag: <c>&amp;lt;</c>, maybe <c>/</c>, a tag name ended by white space, <c>/</c> or
    /// <c>&amp;gt;</c>, then anything up to the first <c>&amp;gt;</c> that opens no other <c>&amp;lt;</c>.</summary>
    private static readonly Regex EscapedTag = new(
        @"&lt;/?(?:" + string.Join('|', TagNames) + @")(?=[\s/\\]|&gt;)(?:(?!&lt;).)*?&gt;",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>A reference: <c>&amp;</c>, or a space or the text's start (AG News's form), then a name or number and <c>;</c>.</summary>
    private static readonly Regex Reference = new(
        @"(?<lead>&| |^)(?<name>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
        RegexOptions.CultureInvariant);

    /// <summary>What the numbers 128 to 159 stand for in Windows-1252 (as HTML reads them); the five it leaves
    /// undefined keep their own code.</summary>
    private const string Windows1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary><paramref name="text"/> with its escaped markup dropped and its references decoded (see the class).</summary>
    public static string Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf(';') < 0) return text; // every escape ends in one
        var untagged = text.Contains("&lt;", StringComparison.OrdinalIgnoreCase) ? EscapedTag.Replace(text, " ") : text;
        return Reference.Replace(untagged, Decoded);
    }

    private static string Decoded(Match match)
    {
        string name = match.Groups["name"].Value;
        bool spaced = match.Groups["lead"].Value != "&";
        if (spaced && !(name[0] == '#' || SpacedNames.Contains(name, StringComparer.Ordinal)))
            return match.Value;
        string? character = Character(name);
        if (character is null || spaced && character.Length == 1
            && (char.IsControl(character[0]) || character[0] < 128 && char.IsAsciiLetterOrDigit(character[0])))
            return match.Value; // "Order #100; shipped" keeps its "#100;": a letter or digit is not written as a reference

        return character;
    }

    /// <summary>The text a reference's <paramref name="name"/> stands for, or null when it stands for none.</summary>
    private static string? Character(string name)
    {
        if (name[0] == '#' && name.Length > 1 && name[1] is not ('x' or 'X')
            && int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int code)
            && code is >= 128 and <= 159)
            return Windows1252[code - 128].ToString();
        string reference = "&" + name + ";";
        string decoded = WebUtility.HtmlDecode(reference);
        return decoded == reference ? null : decoded;
    }
}
