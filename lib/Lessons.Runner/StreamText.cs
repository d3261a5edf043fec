using System.Text;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Runner;

/// <summary>
/// One stream output (stdout or stderr) of a cell as it grows: the writes appended to one buffer, up to
/// <see cref="Limit"/> characters, cut at a line's end; what comes after is only counted, and the output ends with one
/// line saying how many lines and characters were left out.
/// </summary>
/// <param name="Index">Where the output sits among the cell's outputs.</param>
sealed class StreamText(string name, int index, int limit)
{
    readonly StringBuilder kept = new();
    long leftOutCharacters, leftOutLines;

    public string Name => name;

    public int Index => index;

    public int Limit => limit;

    public void Append(string text)
    {
        if (leftOutCharacters == 0 && kept.Length + text.Length <= limit)
        {
            kept.Append(text);
            return;
        }
        int take = 0;
        if (leftOutCharacters == 0)
        {
            int room = limit - kept.Length;
            take = room > 0 ? text.LastIndexOf('\n', room - 1) + 1 : 0;
        }
        kept.Append(text, 0, take);
        leftOutCharacters += text.Length - take;
        leftOutLines += text.AsSpan(take).Count('\n');
    }

    public TextElement ToElement()
    {
        if (leftOutCharacters == 0) return new TextElement(kept.ToString(), name);
        string end = kept.Length > 0 && kept[^1] != '\n' ? "\n" : "";
        return new TextElement(
            $"{kept}{end}[{leftOutLines:N0} more lines ({leftOutCharacters:N0} characters) left out: a notebook output keeps its first {limit:N0} characters]\n",
            name);
    }
}
