using System.Reactive.Subjects;
using Lessons.Runner;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Tests.Runner;

/// <summary>What one cell's outputs keep: a long stream output is cut, and says so; a broken event stream is an error;
/// a progress display cleared when its work is done leaves nothing.</summary>
public class CellOutputLimitTests
{
    [Fact]
    public async Task A_long_stream_output_keeps_its_first_characters_at_a_line_end_and_says_how_much_was_left_out()
    {
        // 8,000 lines of 100 characters: the first 5,000 fill the limit exactly.
        var (result, executed, _) = await TestNotebooks.RunAsync("long-output.ipynb");

        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
        var text = Assert.IsType<TextElement>(Assert.Single(TestNotebooks.CodeCells(executed)[0].Outputs)).Text;
        string line = new string('x', 99) + "\n";
        Assert.Equal(string.Concat(Enumerable.Repeat(line, CellOutputs.StreamLimit / line.Length)) +
                     "[3,000 more lines (300,000 characters) left out: a notebook output keeps its first 500,000 characters]\n", text);
    }

    [Fact]
    public void A_kernel_event_stream_that_fails_becomes_the_cells_error()
    {
        var stream = new Subject<KernelEvent>();
        var events = new CellEvents();
        using var subscription = stream.Subscribe(events);
        var outputs = new CellOutputs(new DisplayRegistry());

        stream.OnError(new InvalidOperationException("the kernel went away"));
        events.AddTo(outputs, executionCount: 1);

        Assert.Equal(new CellError("InvalidOperationException", "the kernel's event stream failed: the kernel went away"), outputs.Error);
        var error = Assert.IsType<ErrorElement>(Assert.Single(outputs.Outputs));
        Assert.Equal("InvalidOperationException", error.ErrorName);
    }

    [Fact]
    public void A_display_cleared_by_its_last_update_leaves_no_output_and_one_updated_to_a_result_stays()
    {
        var command = new SubmitCode("Lesson.CompareVariants(...)");
        FormattedValue[] Text(string text) =>
            [new(HtmlFormatter.MimeType, text), new(PlainTextFormatter.MimeType, text)];
        var outputs = new CellOutputs(new DisplayRegistry());

        outputs.Add(new DisplayedValueProduced("progress", command, Text("LSTM, seed 0: starting…"), "progress"), 1);
        outputs.Add(new DisplayedValueProduced("chart", command, Text("a chart"), "chart"), 1);
        outputs.Add(new DisplayedValueUpdated("progress", "progress", command, Text("LSTM, seed 0 epoch 10: test accuracy 85.0 %")), 1);
        outputs.Add(new DisplayedValueUpdated("chart", "chart", command, Text("the chart, drawn")), 1);
        outputs.Add(new DisplayedValueUpdated("", "progress", command, Text("")), 1);

        var kept = Assert.IsType<DisplayElement>(Assert.Single(outputs.Outputs));
        Assert.Equal("the chart, drawn", kept.Data[PlainTextFormatter.MimeType]);
    }
}
