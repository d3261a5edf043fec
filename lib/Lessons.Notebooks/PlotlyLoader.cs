using Lessons.Charts;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// The notebook output that brings plotly.js (the copy inside Plotly.NET, <see cref="PlotlyScript"/>) to the page a
/// front end shows outputs in, once per kernel session: VS Code keeps all outputs of a notebook in one web view, and
/// Jupyter in one page, so the charts shown after it draw with it and carry no plotly.js of their own.
/// </summary>
internal static class PlotlyLoader
{
    /// <summary>
    /// The script, as text/html, with a one-line plain-text stand-in. plotly.js is a UMD module: where require.js is on
    /// the page (classic Jupyter) it would register itself as an anonymous AMD module and leave window.Plotly unset, so
    /// it runs here with define, exports and module hidden; it is then also named 'plotly' for require.js users.
    /// Last, it draws the charts that were waiting for it.
    /// </summary>
    public static HtmlMarkup Output() => new(
        $"<script type=\"text/javascript\" {NotebookContract.PlotlyScriptAttribute}=\"{PlotlyScript.Version}\">\n" +
        "(function (define, exports, module) {\n" + PlotlyScript.Source + "\n}).call(window);\n" + """
        (function () {
          try {
            if (typeof window.define === 'function' && window.define.amd)
              window.define('plotly', [], function () { return window.Plotly; });
          } catch (e) { }
          var waiting = window.lessonsPlotlyWaiting || [];
          window.lessonsPlotlyWaiting = [];
          waiting.forEach(function (draw) { draw(); });
        })();
        </script>
        """,
        Words.Format("kit.plotly-loaded", PlotlyScript.Version));
}
