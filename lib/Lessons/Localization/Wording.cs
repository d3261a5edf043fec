using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lessons.Localization;

/// <summary>
/// The words of one language, read from its resource (<c>Localization/en.json</c>, <c>Localization/tr.json</c>, built
/// into the assembly): the kit's own texts by key (<see cref="Format"/>), the display names of runs, classes, gates and
/// directions (<see cref="Name"/>), the notebooks' printed lines keyed by their English template (<see cref="Line"/>),
/// and how numbers are written (<see cref="Culture"/>).
/// </summary>
public sealed partial class Wording
{
    // Before Languages: static fields start in the order they are written, and reading the languages needs these.
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    static readonly FrozenDictionary<string, Wording> Languages =
        KitLanguage.Codes.ToFrozenDictionary(code => code, Read);

    readonly Resource resource;

    Wording(string code, Resource resource, CultureInfo culture) => (Code, this.resource, Culture) = (code, resource, culture);

    /// <summary>en or tr.</summary>
    public string Code { get; }

    /// <summary>Numbers as text: English keeps the invariant culture (85.4 %), Turkish writes %85,4 and 6.080.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The names of the kit's texts (the keys of its resource).</summary>
    internal IReadOnlyCollection<string> Keys => resource.Text.Keys;

    /// <summary>The English names this language gives another name to.</summary>
    internal IReadOnlyDictionary<string, string> Names => resource.Names;

    /// <summary>The notebooks' English line templates this language has its own template for.</summary>
    internal IReadOnlyDictionary<string, string> Lines => resource.Lines;

    internal static Wording For(string code) => Languages[code];

    /// <summary>The kit's text <paramref name="key"/>, its {0}, {1}, … filled in with this language's number format.</summary>
    public string Format(string key, params object?[] args) =>
        args.Length == 0 ? Text(key) : string.Format(Culture, Text(key), args);

    /// <summary>The kit's text <paramref name="key"/> as it is (a composite format when it takes values).</summary>
    public string Text(string key) => resource.Text.TryGetValue(key, out var text) ? text
        : throw new KeyNotFoundException($"The {Code} words (Localization/{Code}.json) have no text \"{key}\".");

    /// <summary>
    /// The name this language shows for <paramref name="name"/> (a run, class, gate or direction named in English), or
    /// <paramref name="name"/> itself when it has none: a student's own names pass through unchanged.
    /// </summary>
    public string Name(string name)
    {
        if (resource.Names.TryGetValue(name, out var shown)) return shown;
        // The kit's variant names end in ", N layers" (ClassifierOptions.Name): the rest is a name the table knows.
        var layers = Layers().Match(name);
        return layers.Success
            ? Format("variant.layers", Name(layers.Groups["model"].Value), int.Parse(layers.Groups["layers"].Value, CultureInfo.InvariantCulture))
            : name;
    }

    [GeneratedRegex(@"^(?<model>.+), (?<layers>\d+) layers$")]
    private static partial Regex Layers();

    /// <summary>
    /// A notebook's printed line: its English <paramref name="template"/> (a composite format), or this language's
    /// template for it, filled with <paramref name="values"/>. A value shown between quotes is shown as it is; other
    /// text and enum values that are names (<see cref="Name"/>) and true/false are shown in this language.
    /// </summary>
    public string Line(string template, IReadOnlyList<object?> values, IReadOnlyList<bool> quoted)
    {
        var shown = new object?[values.Count];
        for (int i = 0; i < shown.Length; i++)
            shown[i] = values[i] switch
            {
                bool b => b ? resource.True : resource.False,
                string s when !quoted[i] => Name(s),
                Enum e when !quoted[i] => Name(e.ToString()),
                var v => v,
            };
        return string.Format(Culture, resource.Lines.GetValueOrDefault(template, template), shown);
    }

    static Wording Read(string code)
    {
        using var stream = typeof(Wording).Assembly.GetManifestResourceStream($"Lessons.Localization.{code}.json")
            ?? throw new InvalidOperationException($"The kit was built without Localization/{code}.json.");
        var resource = JsonSerializer.Deserialize<Resource>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Localization/{code}.json is empty.");
        return new Wording(code, resource, CultureOf(resource.Numbers));
    }

    static CultureInfo CultureOf(NumberStyle numbers)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var format = culture.NumberFormat;
        format.NumberDecimalSeparator = format.PercentDecimalSeparator = numbers.Decimal;
        format.NumberGroupSeparator = format.PercentGroupSeparator = numbers.Group;
        if (numbers.PercentFirst) (format.PercentPositivePattern, format.PercentNegativePattern) = (2, 2);   // %85,4; -%3,1
        return CultureInfo.ReadOnly(culture);
    }

    sealed record Resource(
        NumberStyle Numbers, string True, string False,
        Dictionary<string, string> Text, Dictionary<string, string> Names, Dictionary<string, string> Lines);

    sealed record NumberStyle(string Decimal, string Group, bool PercentFirst);
}
