using System.Globalization;
using Lessons.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace Lessons.Tests.Runner;

/// <summary>
/// kit-turkish.ipynb loads the kit in Turkish (<c>Kit.Load(language: "tr")</c>) and prints plain C# strings in its later
/// cells: the language lasts over the kernel's cells, in numbers (%85,4 and 6.080) and in the names the kit gives; and
/// the run leaves the test process's culture as it found it. In the notebooks' collection: while it runs, the default
/// culture of the process's threads is Turkish.
/// </summary>
[Collection(nameof(Notebooks.LessonNotebooks))]
public sealed class KitLanguageNotebookTests
{
    [Fact]
    public async Task A_Turkish_kit_writes_the_later_cells_numbers_the_Turkish_way_and_leaves_the_process_as_it_was()
    {
        var before = (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);

        var chromium = Lessons.Charts.HeadlessChromium.Find();
        var (result, executed, _) = await TestNotebooks.RunAsync("kit-turkish.ipynb",
            new RunnerOptions { Quick = true, Screenshot = chromium is null ? null : chromium.ScreenshotPng });

        Assert.True(result.Succeeded, result.FailedCell?.Error?.Message);
        var cells = TestNotebooks.CodeCells(executed);
        Assert.Contains("hızlı mod AÇIK", cells[0].Outputs.OfType<TextElement>().Single().Text);
        Assert.Equal("%85,4 · 6.080\n", cells[1].Outputs.OfType<TextElement>().Single().Text);
        Assert.Equal("%50 · paketlenmiş LSTM\n", cells[2].Outputs.OfType<TextElement>().Single().Text);
        Assert.Equal("1,5", TestNotebooks.Text(Assert.IsType<ReturnValueElement>(Assert.Single(cells[3].Outputs)).Data["text/plain"]));
        // A table in Turkish: its row numbers under "sıra", thousands grouped, percentages with the sign first.
        string table = TestNotebooks.Text(Assert.IsType<ReturnValueElement>(Assert.Single(cells[4].Outputs)).Data["text/html"]);
        Assert.StartsWith("<table><thead><tr><th><i>sıra</i></th><th>doğruluk</th><th>parametre</th></tr></thead>", table);
        Assert.Contains("<td>%85,0</td><td>768.064</td>", table);
        Assert.Contains("<td>%84,7</td><td>12.544</td>", table);
        Assert.DoesNotContain("index", table);
        // A chart in Turkish: percent signs first, and its picture (where Chromium is) named in Turkish.
        string chart = TestNotebooks.Text(Assert.IsType<ReturnValueElement>(Assert.Single(cells[5].Outputs)).Data["text/html"]);
        Assert.Contains("\"tickprefix\":\"%\"", chart);
        Assert.DoesNotContain("alt=\"chart\"", chart);
        if (chromium is not null) Assert.Contains("<img alt=\"grafik\" width=\"820\" height=\"480\"", chart);
        Assert.Equal(before, (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture));
        Assert.Equal("85.4 %", string.Format(Lessons.Localization.KitLanguage.Culture, "{0:P1}", 0.854));
    }
}
