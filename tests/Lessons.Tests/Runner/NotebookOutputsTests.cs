using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

public class NotebookOutputsTests
{
    const string ChartA = "lessons-chart-5ef1eba7155f452bad6a708db6053f3f", ChartB = "lessons-chart-313d3123e35646ff90ad48b446a8c532";

    static InteractiveDocument Session(string chartA, string chartB, string table) => new()
    {
        new InteractiveDocumentElement("Kit.Load();", "csharp",
        [
            new DisplayElement(new Dictionary<string, object> { ["text/plain"] = "Lessons.Notebooks, 0.1.0-dev.20261201154131" }),
        ]),
        new InteractiveDocumentElement("charts", "csharp",
        [
            new DisplayElement(new Dictionary<string, object>
            {
                ["text/html"] = $"<div id=\"{chartA}\"></div><script>document.getElementById('{chartA}')</script>",
            }),
            new DisplayElement(new Dictionary<string, object>
            {
                ["text/html"] = $"<div id=\"{chartB}\"></div><script>document.getElementById('{chartB}')</script>" +
                    $"<table id=\"{table}\"></table>",
            }),
        ]),
    };

    static string Saved(InteractiveDocument document) => string.Join("\n", document.Elements
        .SelectMany(e => e.Outputs).Select(NotebookOutputs.DataOf).OfType<IDictionary<string, object>>()
        .SelectMany(d => d.Values).Select(NotebookOutputs.Text));

    [Fact]
    public void Saved_outputs_name_session_ids_by_notebook_and_order_so_a_rerun_writes_the_same_text()
    {
        var first = Session(ChartA, ChartB, "table_639317387321171692");
        var second = Session("lessons-chart-fd386b347c884db38c0e3834910f686c", "lessons-chart-e9cf51212b324448a5da312ea8532553",
            "table_639317388579082413");

        NotebookOutputs.PrepareForSaving(first, "03-LSTM");
        NotebookOutputs.PrepareForSaving(second, "03-LSTM");

        string saved = Saved(first);
        Assert.Equal(saved, Saved(second));
        // Each id is replaced the same way wherever it stands (the container and the script that draws into it).
        Assert.Equal(2, saved.Split("lessons-chart-03-lstm-1").Length - 1);
        Assert.Equal(2, saved.Split("lessons-chart-03-lstm-2").Length - 1);
        Assert.Contains("table_03-lstm-1", saved);
        Assert.Contains("Lessons.Notebooks, 0.1.0-dev", saved);
        Assert.DoesNotContain("20261201154131", saved);
        Assert.DoesNotContain("5ef1eba7", saved);
    }
}
