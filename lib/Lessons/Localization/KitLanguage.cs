using System.Globalization;

namespace Lessons.Localization;

/// <summary>
/// The language the kit speaks in: its printed lines, chart titles, axis labels, legends, table headers and the names
/// it gives runs, classes, gates and directions, and the way numbers are written (<see cref="Culture"/>). The words
/// live in one resource per language (<see cref="Wording"/>). The language is the current UI culture, as for .NET's own
/// resources: <see cref="Set"/> makes a language's culture the current culture and UI culture, so that a notebook's own
/// <c>$"{accuracy:P1}"</c> is written the same way as the kit's lines; any other culture speaks English. A Turkish
/// notebook's first cell calls <c>Kit.Load(language: "tr")</c>, which sets it for the whole kernel
/// (<see cref="SetForProcess"/>).
/// </summary>
public static class KitLanguage
{
    /// <summary>The languages the kit has words for: one per resource <c>Localization/CODE.json</c> (en, tr).</summary>
    public static IReadOnlyList<string> Codes => Wording.Codes;

    /// <summary>The words of the current language.</summary>
    public static Wording Words => Wording.Of(CultureInfo.CurrentUICulture) ?? Wording.For("en");

    /// <summary>The current language's code: en or tr.</summary>
    public static string Code => Words.Code;

    /// <summary>How numbers are written in the current language (<see cref="Wording.Culture"/>).</summary>
    public static CultureInfo Culture => Words.Culture;

    /// <summary>
    /// Switches the current thread and what it awaits to <paramref name="code"/> (en or tr, any case): its culture becomes
    /// the current culture and UI culture. Throws a one-line error naming the kit's languages for any other code.
    /// </summary>
    public static void Set(string code)
    {
        var culture = Wording.For(Check(code)).Culture;
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
    }

    /// <summary>
    /// <see cref="Set"/>, and the default culture of every thread that has not chosen its own
    /// (<see cref="CultureInfo.DefaultThreadCurrentCulture"/>): what a notebook kernel needs for the language to last
    /// into its later cells, which run on other threads.
    /// </summary>
    public static void SetForProcess(string code)
    {
        var culture = Wording.For(Check(code)).Culture;
        (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (culture, culture);
        Set(code);
    }

    /// <summary>The code in lower case, or a one-line <see cref="ArgumentException"/> naming the kit's languages.</summary>
    public static string Check(string code)
    {
        string lower = code.Trim().ToLowerInvariant();
        return Codes.Contains(lower) ? lower : throw new ArgumentException(
            $"The kit has no language \"{code}\"; it speaks {string.Join(" and ", Codes)}.", nameof(code));
    }
}
