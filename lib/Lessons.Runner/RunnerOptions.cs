namespace Lessons.Runner;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook and where it puts the results.</summary>
public sealed record RunnerOptions
{
    /// <summary>Sets env <c>LESSONS_QUICK=1</c> while the notebook runs, so notebooks shrink their work (<c>Kit.Quick</c>).</summary>
    public bool Quick { get; init; }

    /// <summary>A cell running longer than this fails the run. Null: no limit.</summary>
    public TimeSpan? CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where to write the executed notebook: a file path, or null to write nothing.</summary>
    public string? OutputPath { get; init; }

    /// <summary>A folder for an HTML export (<c>NAME.html</c>, charts drawn offline), or null.</summary>
    public string? HtmlDirectory { get; init; }

    /// <summary>
    /// Draws an HTML page (a file path) at a width and height into PNG bytes: with it, each chart output gets a picture
    /// of itself for viewers that run no script (see <see cref="ChartImages"/>). The CLI passes the kit's headless
    /// Chromium (found where LESSONS_CHROMIUM or the usual install paths say). Null: no pictures.
    /// </summary>
    public Func<string, int, int, byte[]>? Screenshot { get; init; }
}
