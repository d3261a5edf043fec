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

    /// <summary>A folder for an HTML export (<c>NAME.html</c> plus one shared <c>plotly.min.js</c>), or null.</summary>
    public string? HtmlDirectory { get; init; }

    /// <summary>Adds a PNG (image/png) beside each chart's HTML output, drawn by headless Chromium when it is installed.</summary>
    public bool ChartImages { get; init; } = true;

    /// <summary>Chromium to draw chart PNGs with; null looks for /usr/bin/chromium and friends.</summary>
    public string? ChromiumPath { get; init; }
}
