using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Runner;

/// <summary>
/// Turns the kernel events of one cell into that cell's notebook outputs, the way a notebook front end shows them:
/// consecutive stdout (or stderr) writes become one stream output; a display that is updated in place
/// (<see cref="DisplayedValueUpdated"/>, e.g. a progress bar) stays ONE output holding its final state, and none when
/// that state is empty (a progress display cleared when its work is done, as a front end shows nothing for it);
/// the cell's return value and its error come last in the order they happened.
/// </summary>
public sealed class CellOutputs(DisplayRegistry displays)
{
    /// <summary>What one stream output keeps: its first 500,000 characters (about 1 MB in the notebook file); the rest is
    /// counted and left out, and one line at its end says how much (see <see cref="StreamText"/>).</summary>
    public const int StreamLimit = 500_000;

    readonly List<InteractiveDocumentOutputElement> outputs = [];
    StreamText? stream;

    /// <summary>The outputs so far, the open stream output included, emptied displays left out.</summary>
    public IReadOnlyList<InteractiveDocumentOutputElement> Outputs
    {
        get
        {
            if (stream is not null) outputs[stream.Index] = stream.ToElement();
            return [.. outputs.Where(o => o is not DisplayElement display || !Emptied(display))];
        }
    }

    /// <summary>A display whose every value is an empty string: one cleared to nothing by its last update.</summary>
    static bool Emptied(DisplayElement display) => display.Data.Values.All(v => v is string { Length: 0 });

    /// <summary>The first error the cell reported (a failed command or an error display).</summary>
    public CellError? Error { get; private set; }

    public void Add(KernelEvent e, int executionCount)
    {
        switch (e)
        {
            case StandardOutputValueProduced stdout:
                AppendStream("stdout", PlainText(stdout.FormattedValues));
                break;
            case StandardErrorValueProduced stderr:
                AppendStream("stderr", PlainText(stderr.FormattedValues));
                break;
            case DisplayedValueUpdated update:
                // As Jupyter does: an update for an id never shown changes nothing (see DisplayRegistry).
                if (displays.Find(update.ValueId) is { } shown) Replace(shown.Data, update.FormattedValues);
                break;
            case DisplayedValueProduced display:
                outputs.Add(displays.Register(display.ValueId, new DisplayElement(ToData(display.FormattedValues))));
                break;
            case ReturnValueProduced value:
                var returned = new ReturnValueElement { ExecutionOrder = executionCount };
                Replace(returned.Data, value.FormattedValues);
                outputs.Add(returned);
                break;
            case ErrorProduced error:
                outputs.Add(new ErrorElement(error.Message, "Error", []));
                Error ??= new CellError("Error", error.Message);
                break;
            case CommandFailed failed:
                // Runtime exceptions: the exception's type and message; compile errors: the kernel's message (the diagnostics).
                if (failed.Exception is { } exception && exception.GetType().Name != "CodeSubmissionCompilationErrorException")
                    Fail(exception.GetType().Name, exception.Message, exception.StackTrace);
                else
                    Fail("CompilationError", failed.Message);
                break;
        }
    }

    /// <summary>Records a failure that did not come from the kernel (a timeout).</summary>
    public void Fail(string name, string message, string? stackTrace = null, bool timedOut = false)
    {
        string[] trace = [$"{name}: {message}", .. stackTrace?.Split('\n', StringSplitOptions.TrimEntries) ?? []];
        outputs.Add(new ErrorElement(message, name, trace));
        // A timeout is the cell's error whatever else it reported before it was cut off.
        Error = timedOut ? new CellError(name, message, timedOut) : Error ?? new CellError(name, message);
    }

    /// <summary>Consecutive writes to one stream grow one output, in a buffer (linear in what is printed).</summary>
    void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        if (stream is null || stream.Name != name || stream.Index != outputs.Count - 1)
        {
            if (stream is not null) outputs[stream.Index] = stream.ToElement();
            stream = new StreamText(name, outputs.Count, StreamLimit);
            outputs.Add(new TextElement("", name));
        }
        stream.Append(text);
    }

    static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? values.FirstOrDefault()?.Value ?? "";

    static Dictionary<string, object> ToData(IEnumerable<FormattedValue> values)
    {
        var data = new Dictionary<string, object>();
        Replace(data, values);
        return data;
    }

    static void Replace(IDictionary<string, object> data, IEnumerable<FormattedValue> values)
    {
        data.Clear();
        foreach (var value in values.Where(v => !v.SuppressDisplay)) data[value.MimeType] = value.Value;
    }
}

/// <summary>
/// Displays of a whole notebook by id, so an update in a later cell folds into the output that showed it.
/// Note: .NET Interactive's <c>x.Display()</c> (and the kernel's <c>display(x)</c>) publish the shown value under one
/// id and return a <c>DisplayedValue</c> with another, so their <c>Update</c>s name an id never shown; front ends
/// (Jupyter) then keep the first value, and so does the runner, so committed notebooks show what students will see.
/// Live displays use <c>Lessons.Notebooks.Kit.Show</c>, whose ids match.
/// </summary>
public sealed class DisplayRegistry
{
    readonly Dictionary<string, DisplayElement> byId = new(StringComparer.Ordinal);

    public DisplayElement Register(string? valueId, DisplayElement element)
    {
        if (!string.IsNullOrEmpty(valueId)) byId[valueId] = element;
        return element;
    }

    /// <summary>The output shown under <paramref name="valueId"/>, or null.</summary>
    public DisplayElement? Find(string? valueId) =>
        !string.IsNullOrEmpty(valueId) && byId.TryGetValue(valueId, out var element) ? element : null;
}
