using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Notebooks;

/// <summary>
/// A value shown as one notebook output and replaced in place later: a chart, a table, a progress line, a training
/// run growing epoch by epoch (<see cref="Kit.Show"/> makes one). Outside a notebook it writes lines to the console.
/// <code>
/// var progress = Kit.Show("epoch 0/10");
/// ... progress.Update($"epoch {epoch}/10 · loss {loss:0.000}");
/// </code>
/// It publishes the display events itself, under one id of its own. Why not <c>value.Display()</c>: in .NET
/// Interactive 1.0.x (the dotnet-interactive tool 1.0.712001, the runner's 1.0.0-beta.26120.1) that shows one
/// DisplayedValue and returns another with a different id, so its <c>Update</c> targets an output that does not exist
/// (Jupyter, dotnet-repl and the runner keep the first value). The values are formatted here, in this process, into
/// explicit mime-typed strings, so no formatting type (such as HtmlString, whose assembly version differs between
/// hosts) crosses into the front end.
/// </summary>
public sealed class LiveDisplay
{
    readonly string id = Guid.NewGuid().ToString("N");

    LiveDisplay(bool inNotebook) => InNotebook = inNotebook;

    /// <summary>True when the value went to a notebook output (false: to the console).</summary>
    public bool InNotebook { get; }

    internal static LiveDisplay Show(object value)
    {
        var display = new LiveDisplay(KernelInvocationContext.Current is not null);
        display.Publish(value, first: true);
        return display;
    }

    /// <summary>Replaces the shown value (in a notebook), else prints the new one.</summary>
    public void Update(object value) => Publish(value, first: false);

    /// <summary>
    /// Empties the output (in a notebook; outside one nothing is printed): what a progress display does when its work
    /// is done, so that the cell keeps its results and not the progress. A saved notebook keeps no emptied output.
    /// </summary>
    public void Clear()
    {
        if (InNotebook) Update(new HtmlMarkup("", ""));
    }

    void Publish(object value, bool first)
    {
        // An update may come from a later cell: it belongs to the command running now.
        if (!InNotebook || KernelInvocationContext.Current is not { } context)
        {
            Console.WriteLine(value);
            return;
        }
        IReadOnlyCollection<FormattedValue> formatted = value is HtmlMarkup html
            ? [new FormattedValue(HtmlFormatter.MimeType, html.Html),
               new FormattedValue(PlainTextFormatter.MimeType, html.Text)]
            : FormattedValue.CreateManyFromObject(value);
        context.Publish(first
            ? new DisplayedValueProduced(value, context.Command, formatted, id)
            : new DisplayedValueUpdated(value, id, context.Command, formatted));
    }
}

/// <summary>HTML to show as it is, with a plain-text stand-in for the console and text-only viewers.</summary>
internal sealed record HtmlMarkup(string Html, string Text)
{
    public override string ToString() => Text;
}
