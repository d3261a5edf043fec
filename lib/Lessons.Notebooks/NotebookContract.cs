namespace Lessons;

/// <summary>
/// What the notebook layer (Lessons.Notebooks) and the notebook runner (Lessons.Runner) agree on. The runner
/// references no library code, so this one file is compiled into both.
/// </summary>
internal static class NotebookContract
{
    /// <summary>The environment variable that turns quick mode on (`lessons run --quick` sets it).</summary>
    public const string QuickVariable = "LESSONS_QUICK";

    /// <summary>
    /// The attribute on the script element of the output that <c>Kit.Load()</c> publishes with plotly.js in it. The
    /// runner draws chart pictures with it, and leaves it out of the notebooks it writes (3.6 MB each otherwise).
    /// </summary>
    public const string PlotlyScriptAttribute = "data-lessons-plotly";

    /// <summary>
    /// The class of a chart output's container,
    /// <c>&lt;div class="lessons-chart" data-width="W" data-height="H" data-alt="chart"&gt;</c>, empty until its script draws
    /// into it. The runner puts a PNG of the chart in it for viewers that run no script, with data-alt (the word for a
    /// chart in the notebook's language) as its alt text; the script replaces the picture when it draws.
    /// </summary>
    public const string ChartClass = "lessons-chart";
}
