using System.Runtime.CompilerServices;
using System.Text;
using Lessons.Localization;

namespace Lessons.Notebooks;

/// <summary>
/// A line a notebook prints with <see cref="Kit.Print(ref PrintedLine)"/>, taken apart as C# builds it: its English
/// template ("epoch {0}: training loss {1:0.000}") and its values. The template is the key under which the Turkish
/// resource holds its Turkish template, so the same code cell prints English in an English notebook and Turkish in a
/// Turkish one, numbers written the language's way.
/// </summary>
[InterpolatedStringHandler]
public ref struct PrintedLine
{
    readonly StringBuilder template;
    readonly List<object?> values;
    readonly List<bool> quoted;

    public PrintedLine(int literalLength, int formattedCount)
    {
        template = new StringBuilder(literalLength + 8 * formattedCount);
        values = new List<object?>(formattedCount);
        quoted = new List<bool>(formattedCount);
    }

    public readonly void AppendLiteral(string text) => template.Append(text.Replace("{", "{{").Replace("}", "}}"));

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public readonly void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public readonly void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public readonly void AppendFormatted<T>(T value, int alignment, string? format)
    {
        // A value between quotes ("at \"{word}\"") is a token or a headline: shown as it is, never taken for a name.
        quoted.Add(template.Length > 0 && template[^1] is '"' or '“' or '«');
        template.Append('{').Append(values.Count);
        if (alignment != 0) template.Append(',').Append(alignment);
        if (format is not null) template.Append(':').Append(format);
        template.Append('}');
        values.Add(value);
    }

    /// <summary>The English template: literal text with {0}, {1,-8}, {2:P1} where the values go.</summary>
    public readonly string Template => template.ToString();

    /// <summary>The line in the kit's language (<see cref="KitLanguage"/>).</summary>
    public readonly string Text => KitLanguage.Words.Line(Template, values, quoted);
}
