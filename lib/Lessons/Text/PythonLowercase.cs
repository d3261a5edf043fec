using System.Globalization;
using System.Text;

namespace Lessons.Text;

/// <summary>
/// Python's <c>str.lower()</c>, one code point at a time: the full Unicode lowercase mapping, which differs from
/// .NET's simple mapping in two places: 'İ' (U+0130) becomes two code points "i̇" (U+0069 U+0307), and a capital
/// sigma 'Σ' at the end of a word becomes the final form 'ς' (Unicode's Final_Sigma context), elsewhere 'σ'.
/// </summary>
internal static class PythonLowercase
{
    private const int CapitalSigma = 0x03A3, SmallSigma = 0x03C3, FinalSigma = 0x03C2;
    private const int CapitalIWithDot = 0x0130;

    /// <summary>Appends the lowercase of the code point at <paramref name="index"/> (which <paramref name="rune"/>
    /// holds) to <paramref name="output"/>; the text is needed for the sigma's context.</summary>
    public static void Append(ReadOnlySpan<char> text, int index, Rune rune, ref CharBuffer output)
    {
        switch (rune.Value)
        {
            case CapitalIWithDot:
                output.Append('i');
                output.Append('\u0307');
                return;
            case CapitalSigma:
                output.Append((char)(IsFinalSigma(text, index) ? FinalSigma : SmallSigma));
                return;
        }
        Span<char> units = stackalloc char[2];
        int count = Rune.ToLowerInvariant(rune).EncodeToUtf16(units);
        output.Append(units[..count]);
    }

    /// <summary>Final_Sigma as CPython tests it: a cased letter before the sigma (skipping case-ignorable code
    /// points), and no cased letter after it (skipping case-ignorable ones).</summary>
    private static bool IsFinalSigma(ReadOnlySpan<char> text, int index)
    {
        int j = index;
        Rune before = default;
        bool found = false;
        while (j > 0)
        {
            Rune.DecodeLastFromUtf16(text[..j], out before, out int size);
            j -= size;
            if (!IsCaseIgnorable(before)) { found = true; break; }
        }
        if (!found || !IsCased(before)) return false;

        j = index + 1; // the sigma is one UTF-16 unit
        while (j < text.Length)
        {
            Rune.DecodeFromUtf16(text[j..], out var after, out int size);
            j += size;
            if (!IsCaseIgnorable(after)) return !IsCased(after);
        }
        return true;
    }

    /// <summary>Unicode's Cased property: letters with case, plus the Other_Lowercase/Other_Uppercase code points
    /// that matter here (ª, º and the squared, negative-circled and negative-squared Latin capitals).</summary>
    private static bool IsCased(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter)
            return true;
        int v = rune.Value;
        return v is 0x00AA or 0x00BA or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189)
            || Rune.ToLowerInvariant(rune) != rune || Rune.ToUpperInvariant(rune) != rune;
    }

    /// <summary>Unicode's Case_Ignorable property: marks, format characters, modifier letters and symbols, and the
    /// word-internal punctuation of Word_Break MidLetter, MidNumLet and Single_Quote (the apostrophe, '.', ':', ...).</summary>
    private static bool IsCaseIgnorable(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol)
            return true;
        return rune.Value is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x055F or 0x05F4 or 0x2018 or 0x2019 or 0x2024
            or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A
            or 0x1171E; // Ahom sign: a mark to Python's Unicode tables, a spacing mark to .NET's
    }
}
