using Lessons.Localization;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Notebooks;

/// <summary>
/// Shows numbers the way the kit's language writes them where a notebook shows a value as text: a table's cells, a
/// cell's returned number. English keeps .NET Interactive's own formatting; in Turkish 85.4 shows as 85,4 and 6080.5
/// as 6080,5. The runner resets formatters per notebook: <see cref="Kit.Load"/> calls it.
/// </summary>
internal static class NumberFormatter
{
    public static void Register()
    {
        if (KitLanguage.Code == "en") return;
        // The language is read as each number is shown: a kernel that loads the kit in English again gets English numbers.
        Formatter.Register<double>((value, writer) => writer.Write(value.ToString(KitLanguage.Culture)), PlainTextFormatter.MimeType);
        Formatter.Register<float>((value, writer) => writer.Write(value.ToString(KitLanguage.Culture)), PlainTextFormatter.MimeType);
    }
}
