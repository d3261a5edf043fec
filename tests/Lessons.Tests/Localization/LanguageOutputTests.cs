using System.Text.Json;
using System.Text.RegularExpressions;
using Lessons.Charts;
using Lessons.Inspection;
using Lessons.Localization;
using Lessons.Notebooks;
using Lessons.Tests.Charts;
using Lessons.Tests.Notebooks;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace Lessons.Tests.Localization;

/// <summary>
/// Tables and charts in the notebook's language: Turkish tables write 768.000 and %85,0, Turkish charts put the percent
/// sign first in ticks, labels and hover texts and write no SI suffix (20k), and neither says "index" or leaves its
/// picture's alt text in English; English tables and charts read as before. Each test sets the language it reads in
/// (the test's current culture); with the notebooks, because a notebook run sets the process's default culture.
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed partial class LanguageOutputTests
{
    static (IReadOnlyList<Lessons.Training.History> Runs, IReadOnlyList<ParameterCounts> Counts) Comparison()
    {
        var runs = new[] { ChartSamples.Run("LSTM", 12_544, 3, 11), ChartSamples.Run("BiLSTM", 25_088, 4, 12) };
        return (runs, runs.Select(r => ChartSamples.Counts(r.Parameters)).ToList());
    }

    [Fact]
    public void A_Turkish_table_groups_thousands_and_writes_percentages_with_the_sign_first_and_one_decimal()
    {
        KitLanguage.Set("tr");
        var (runs, counts) = Comparison();

        string html = TableFormatter.Html(VariantComparisonChart.Table(runs, counts));

        Assert.StartsWith("<table><thead><tr><th><i>sıra</i></th><th>Çalıştırma</th><th>Test doğruluğu</th>", html);
        Assert.DoesNotContain("index", html);
        Assert.DoesNotContain("(%)", html);
        Assert.Contains("<td>768.000</td>", html);           // embedding parameters
        Assert.Contains("<td>793.348</td>", html);           // 768,000 + 25,088 + 260
        Assert.Matches(@"<td>%\d\d,\d</td>", html);
        Assert.DoesNotMatch(@"<td>\d+(,\d+)?%</td>|<td>\d{4,}</td>", html);
        string percents = TableFormatter.Html(new DataFrame(new PercentColumn("Dolgu", [0.85, 0.8474, 0.05])));
        Assert.Contains("<td>%85,0</td><", percents);        // never "85" beside "84,7"
        Assert.Contains("<td>%84,7</td>", percents);
        Assert.Contains("<td>%5,0</td>", percents);
        Assert.Contains("<td>0,86</td>", TableFormatter.Html(new DataFrame(new DoubleDataFrameColumn("saniye", [0.86]))));
        string seconds = TableFormatter.Html(new DataFrame(new SecondsColumn("saniye", [1.4, 1.194])));
        Assert.Contains("<td>1,40</td>", seconds);            // never "1,4" beside "1,19"
        Assert.Contains("<td>1,19</td>", seconds);
        Assert.Equal("%85,1–86,0", VariantSummary.Range(new SeedSpread(0.855, 0.851, 0.86)));
        string many = TableFormatter.Html(new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(0, 1234))));
        Assert.Equal(TableFormatter.MaxRows + 2, Regex.Count(many, "<tr>"));
        Assert.EndsWith("<tr><td colspan=\"2\"><i>… 1.184 satır daha</i></td></tr></tbody></table>", many);
    }

    [Fact]
    public void An_English_table_writes_its_numbers_as_before()
    {
        KitLanguage.Set("en");
        var (runs, counts) = Comparison();

        string html = TableFormatter.Html(VariantComparisonChart.Table(runs, counts));

        Assert.StartsWith("<table><thead><tr><th><i>index</i></th><th>Run</th><th>Test accuracy (%)</th>", html);
        Assert.Contains("<td>768000</td>", html);
        Assert.Contains("<td>85.0</td>", TableFormatter.Html(new DataFrame(new PercentColumn("Padding (%)", [0.85]))));
        Assert.Contains("<td>0.86</td>", TableFormatter.Html(new DataFrame(new DoubleDataFrameColumn("Seconds", [0.86]))));
        Assert.Contains("<td>1.40</td>", TableFormatter.Html(new DataFrame(new SecondsColumn("Seconds", [1.4]))));
        Assert.Equal("85.1–86.0", VariantSummary.Range(new SeedSpread(0.855, 0.851, 0.86)));
    }

    [Fact]
    public void Turkish_charts_put_the_percent_sign_first_in_ticks_labels_and_hover_texts()
    {
        KitLanguage.Set("tr");
        foreach (var (name, chart, _) in ChartGallery.All())
        {
            string json = GenericChart.toJson(chart);
            Assert.Empty(SignLast().Matches(json).Select(m => $"{name}: {m.Value}"));
            Assert.DoesNotContain("~s", json);
            Assert.DoesNotContain("\"ticksuffix\":\"%\"", json);
            Assert.Contains("\"separators\":\",.\"", json);
        }
        var (runs, counts) = Comparison();
        var comparison = new ChartJson(VariantComparisonChart.Create(runs, counts));
        var accuracy = comparison.Layout.GetProperty("yaxis");
        Assert.Equal(("%", ".1f"), (accuracy.GetProperty("tickprefix").GetString(), accuracy.GetProperty("tickformat").GetString()));
        var labels = comparison.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToList();
        Assert.Equal(2, labels.Count);
        Assert.All(labels, label => Assert.Matches(@"^%\d\d,\d$", label));
        Assert.Equal("%{y:,d}", comparison.TracesOfType("bar")[1].GetProperty("texttemplate").GetString());
        var memory = new ChartJson(LongMemoryChart.Create([("LSTM", [5, 10], [1.0, 0.859])], 0.25));
        Assert.Equal("%", memory.Layout.GetProperty("yaxis").GetProperty("tickprefix").GetString());
        Assert.EndsWith("çeldirici: %%{y:.1f}<extra></extra>", memory.Traces[0].GetProperty("hovertemplate").GetString());
        Assert.Equal("şans düzeyi (%25)", memory.Traces[1].GetProperty("name").GetString());
    }

    [Fact]
    public void English_charts_keep_the_percent_sign_last()
    {
        KitLanguage.Set("en");
        foreach (var (name, chart, _) in ChartGallery.All())
        {
            string json = GenericChart.toJson(chart);
            Assert.Empty(SignLast().Matches(json).Select(m => $"{name}: {m.Value}"));   // plotly's ".1%" no more: the kit places the sign
            Assert.DoesNotContain("\"tickprefix\":\"%\"", json);
        }
        var (runs, counts) = Comparison();
        var accuracy = new ChartJson(VariantComparisonChart.Create(runs, counts)).Layout.GetProperty("yaxis");
        Assert.Equal(("%", ".1f"), (accuracy.GetProperty("ticksuffix").GetString(), accuracy.GetProperty("tickformat").GetString()));
        var memory = new ChartJson(LongMemoryChart.Create([("LSTM", [5, 10], [1.0, 0.859])], 0.25));
        Assert.EndsWith("distractors: %{y:.1f}%<extra></extra>", memory.Traces[0].GetProperty("hovertemplate").GetString());
    }

    [Fact]
    public void A_long_Turkish_title_is_broken_into_lines_and_the_top_margin_grows_to_hold_them()
    {
        KitLanguage.Set("tr");
        const string headline = "Lowest mortgage rates in 40 years! Click here for your free quote today";
        var layout = new ChartJson(ClassProbabilityChart.Create(ChartSamples.Classes, [0.1, 0.2, 0.6, 0.1], headline)).Layout;

        string title = layout.GetProperty("title").GetProperty("text").GetString()!;
        var lines = title.Split("<br>");
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("için sınıf olasılıkları", title);          // the part the chart's edge used to cut off
        Assert.All(lines, line => Assert.True(line.Length * 9 <= 640 - 40, $"\"{line}\" is wider than the chart"));
        Assert.True(layout.GetProperty("margin").GetProperty("t").GetInt32() > 70);

        var (runs, counts) = Comparison();
        var comparison = new ChartJson(VariantComparisonChart.Create(runs, counts)).Layout;
        Assert.Equal("test doğruluğu, seçilen dönem<br>(eksen yakınlaştırılmış)",
            comparison.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        KitLanguage.Set("en");
        Assert.Equal("test accuracy, chosen epoch (axis zoomed)",
            new ChartJson(VariantComparisonChart.Create(runs, counts)).Layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_Turkish_chart_output_names_its_picture_in_Turkish()
    {
        KitLanguage.Set("tr");
        var chart = LongMemoryChart.Create([("LSTM", [5, 10], [1.0, 0.859])], 0.25);
        Assert.Matches("class=\"lessons-chart\" data-width=\"820\" data-height=\"480\" data-alt=\"grafik\"></div>", ChartFormatter.Html(chart));
        KitLanguage.Set("en");
        Assert.Contains("data-alt=\"chart\"></div>", ChartFormatter.Html(chart));
    }

    /// <summary>A percentage written with plotly.js's own format, which puts the sign last whatever the language:
    /// a tick format ".0%", a template's %{y:.1%}.</summary>
    [GeneratedRegex(@"""tickformat"":""[^""]*%""|\{[a-z]+:[^}]*%\}")]
    private static partial Regex SignLast();
}
