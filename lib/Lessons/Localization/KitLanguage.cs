using System.Globalization;

namespace Lessons.Localization;

/// <summary>
/// The language the kit speaks in: its printed lines, chart titles, axis labels, legends and table headers, and the
/// way numbers shown as text are written (<see cref="Culture"/>). English by default; a Turkish notebook's first cell
/// calls <c>Kit.Load(language: "tr")</c>, which sets it. The words themselves live in one resource per language
/// (<see cref="Wording"/>). Process-wide, as a notebook kernel runs one notebook.
/// </summary>
public static class KitLanguage
{
    /// <summary>The languages the kit has words for: English and Turkish.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "tr"];

    static Wording current = Wording.For("en");

    /// <summary>The words of the current language.</summary>
    public static Wording Words => current;

    /// <summary>The current language's code: en or tr.</summary>
    public static string Code => current.Code;

    /// <summary>How numbers are written in the current language (<see cref="Wording.Culture"/>).</summary>
    public static CultureInfo Culture => current.Culture;

    /// <summary>Switches the kit to <paramref name="code"/> (en or tr, any case); throws a one-line error naming the
    /// languages the kit has for any other.</summary>
    public static void Set(string code) => current = Wording.For(Check(code));

    /// <summary>The code in lower case, or a one-line <see cref="ArgumentException"/> naming the kit's languages.</summary>
    public static string Check(string code)
    {
        string lower = code.Trim().ToLowerInvariant();
        return Codes.Contains(lower) ? lower : throw new ArgumentException(
            $"The kit has no language \"{code}\"; it speaks {string.Join(" and ", Codes)}.", nameof(code));
    }
}
