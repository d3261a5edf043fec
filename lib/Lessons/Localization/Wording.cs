using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lessons.Localization;

/// <summary>
/// The words of one language, read from its resource (<c>Localization/en.json</c>, <c>Localization/tr.json</c>, built
/// into the assembly): the kit's own texts by key (<see cref="Format"/>), the names it gives runs, classes, gates and
/// directions among them, and how numbers are written (<see cref="Culture"/>). A language is a resource: adding
/// <c>Localization/xx.json</c> adds the language <c>xx</c>.
/// </summary>
public sealed class Wording
{
    const string ResourcePrefix = "Lessons.Localization.", ResourceSuffix = ".json";

    // Before Languages: static fields start in the order they are written, and reading the languages needs these.
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    static readonly FrozenDictionary<string, Wording> Languages = typeof(Wording).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^ResourceSuffix.Length])
        .ToFrozenDictionary(code => code, Read, StringComparer.Ordinal);

    readonly Resource resource;

    Wording(string code, Resource resource, CultureInfo culture) => (Code, this.resource, Culture) = (code, resource, culture);

    /// <summary>The languages there are words for: the codes of the resources, in order (en, tr).</summary>
    internal static IReadOnlyList<string> Codes { get; } = [.. Languages.Keys.Order(StringComparer.Ordinal)];

    /// <summary>en or tr.</summary>
    public string Code { get; }

    /// <summary>Numbers as text: English keeps the invariant culture (85.4 %), Turkish writes %85,4 and 6.080. Casing
    /// and everything else stay invariant. <see cref="KitLanguage"/> knows a language by this culture.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The names of the kit's texts (the keys of its resource).</summary>
    internal IReadOnlyCollection<string> Keys => resource.Text.Keys;

    internal static Wording For(string code) => Languages[code];

    /// <summary>The language whose <see cref="Culture"/> is <paramref name="culture"/> (the very object), or null.</summary>
    internal static Wording? Of(CultureInfo culture) =>
        Languages.Values.FirstOrDefault(words => ReferenceEquals(words.Culture, culture));

    /// <summary>The kit's text <paramref name="key"/>, its {0}, {1}, … filled in with this language's number format.</summary>
    public string Format(string key, params object?[] args) =>
        args.Length == 0 ? Text(key) : string.Format(Culture, Text(key), args);

    /// <summary>The kit's text <paramref name="key"/> as it is (a composite format when it takes values).</summary>
    public string Text(string key) => resource.Text.TryGetValue(key, out var text) ? text
        : throw new KeyNotFoundException($"The {Code} words (Localization/{Code}.json) have no text \"{key}\".");

    static Wording Read(string code)
    {
        using var stream = typeof(Wording).Assembly.GetManifestResourceStream(ResourcePrefix + code + ResourceSuffix)
            ?? throw new InvalidOperationException($"The kit was built without Localization/{code}.json.");
        var resource = JsonSerializer.Deserialize<Resource>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Localization/{code}.json is empty.");
        return new Wording(code, resource, CultureOf(resource.Numbers));
    }

    static CultureInfo CultureOf(NumberStyle numbers)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var format = culture.NumberFormat;
        format.NumberDecimalSeparator = format.PercentDecimalSeparator = format.CurrencyDecimalSeparator = numbers.Decimal;
        format.NumberGroupSeparator = format.PercentGroupSeparator = format.CurrencyGroupSeparator = numbers.Group;
        if (numbers.PercentFirst) (format.PercentPositivePattern, format.PercentNegativePattern) = (2, 2);   // %85,4; -%3,1
        return CultureInfo.ReadOnly(culture);
    }

    sealed record Resource(NumberStyle Numbers, Dictionary<string, string> Text);

    sealed record NumberStyle(string Decimal, string Group, bool PercentFirst);
}
