using System.Text.RegularExpressions;
using Lessons.Charts;
using Lessons.Inspection;
using Lessons.Models;

namespace Lessons.Tests.Charts;

/// <summary>The numbers behind each chart are the numbers given, read back from the figure JSON plotly.js gets.</summary>
public class ChartDataTests
{
    [Fact]
    public void Training_curves_carry_every_epoch_of_every_run()
    {
        var runs = new[] { ChartSamples.Run("LSTM", 120_000, 5, 1), ChartSamples.Run("GRU <bi>", 95_000, 3, 2) };
        var json = new ChartJson(TrainingCurvesChart.Create(runs));

        Assert.Equal(8, json.Traces.Count);
        for (int r = 0; r < runs.Length; r++)
        {
            var traces = json.Traces.Skip(4 * r).Take(4).ToList();
            var epochs = runs[r].Epochs;
            Assert.All(traces, t => Assert.Equal(epochs.Select(e => (double)e.SamplesSeen), ChartJson.Numbers(t.GetProperty("x"))));
            Assert.Equal(epochs.Select(e => e.TrainLoss), ChartJson.Numbers(traces[0].GetProperty("y")));
            Assert.Equal(epochs.Select(e => e.Test.Loss), ChartJson.Numbers(traces[1].GetProperty("y")));
            Assert.Equal(epochs.Select(e => e.TrainAccuracy), ChartJson.Numbers(traces[2].GetProperty("y")));
            Assert.Equal(epochs.Select(e => e.Test.Accuracy), ChartJson.Numbers(traces[3].GetProperty("y")));
            Assert.All(traces, t => Assert.Equal(ChartStyle.RunColor(r), t.GetProperty("line").GetProperty("color").GetString()));
        }
        Assert.Equal("GRU &lt;bi&gt;", json.Traces[4].GetProperty("name").GetString());
        Assert.Equal([true, false, false, false, true, false, false, false], json.Traces.Select(t => t.GetProperty("showlegend").GetBoolean()));
        Assert.Equal("samples seen", json.Layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("accuracy", json.Layout.GetProperty("yaxis2").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Confusion_heatmap_holds_the_counts_and_sums_to_the_total()
    {
        var confusion = ChartSamples.Confusion();
        var heatmap = new ChartJson(ConfusionMatrixChart.Create(confusion)).TracesOfType("heatmap").Single();
        var z = ChartJson.Matrix(heatmap.GetProperty("z"));

        Assert.Equal(confusion.Total, (long)z.Sum(row => row.Sum()));
        for (int a = 0; a < 4; a++) for (int p = 0; p < 4; p++) Assert.Equal(confusion.Counts[a, p], (long)z[a][p]);
        Assert.Equal(ChartSamples.Classes, ChartJson.Strings(heatmap.GetProperty("x")));
        Assert.Equal(ChartSamples.Classes, ChartJson.Strings(heatmap.GetProperty("y")));
        Assert.StartsWith($"{confusion.Counts[0, 0]}<br>", heatmap.GetProperty("text")[0][0].GetString());
    }

    [Fact]
    public void Hidden_state_heatmap_z_is_the_trace_with_units_down_and_tokens_along()
    {
        var trace = ChartSamples.Trace(tokens: 63, units: 64, seed: 3);
        var json = new ChartJson(HiddenStateChart.Create(trace));
        var heatmap = json.TracesOfType("heatmap").Single();
        var z = ChartJson.Matrix(heatmap.GetProperty("z"));

        Assert.Equal(64, z.Length);
        for (int u = 0; u < 64; u++)
        {
            Assert.Equal(63, z[u].Length);
            for (int t = 0; t < 63; t++) Assert.Equal(trace.Hidden[t, u], (float)z[u][t]);
        }
        Assert.Equal(0, heatmap.GetProperty("zmid").GetDouble());
        var axis = json.Layout.GetProperty("xaxis");
        Assert.Equal(trace.Tokens.Select(t => t.Replace("<", "&lt;").Replace(">", "&gt;")), ChartJson.Strings(axis.GetProperty("ticktext")));
        Assert.Equal(Enumerable.Range(0, 63).Select(i => (double)i), ChartJson.Numbers(axis.GetProperty("tickvals")));
        Assert.NotEqual(0, axis.GetProperty("tickangle").GetInt32());
    }

    [Fact]
    public void Bidirectional_hidden_states_stand_side_by_side_with_one_colour_scale()
    {
        var forward = ChartSamples.Trace(12, 8, seed: 4, "forward");
        var backward = ChartSamples.Trace(12, 8, seed: 5, "backward");
        var json = new ChartJson(HiddenStateChart.Create(forward, backward));
        var heatmaps = json.TracesOfType("heatmap");

        Assert.Equal(2, heatmaps.Count);
        Assert.Equal(["x", "x2"], heatmaps.Select(h => h.GetProperty("xaxis").GetString()));
        Assert.Equal(["y", "y"], heatmaps.Select(h => h.GetProperty("yaxis").GetString()));
        Assert.Equal([false, true], heatmaps.Select(h => h.GetProperty("showscale").GetBoolean()));
        var z = ChartJson.Matrix(heatmaps[1].GetProperty("z"));
        Assert.Equal(backward.Hidden[7, 5], (float)z[5][7]);
        var left = ChartJson.Numbers(json.Layout.GetProperty("xaxis").GetProperty("domain"));
        var right = ChartJson.Numbers(json.Layout.GetProperty("xaxis2").GetProperty("domain"));
        Assert.True(left[1] < right[0], "the forward panel must sit left of the backward one");
    }

    [Fact]
    public void Charts_grow_with_tokens_and_units()
    {
        int Width(int tokens) => new ChartJson(HiddenStateChart.Create(ChartSamples.Trace(tokens, 16, 1))).Layout.GetProperty("width").GetInt32();
        int Height(int units) => new ChartJson(HiddenStateChart.Create(ChartSamples.Trace(10, units, 1))).Layout.GetProperty("height").GetInt32();
        Assert.True(Width(80) > Width(30), "80 tokens need a wider chart than 30");
        Assert.True(Height(128) > Height(64), "128 units need a taller chart than 64");
        Assert.True(Width(60) >= 60 * 20, "every token gets a readable column");
    }

    [Fact]
    public void Unit_text_chart_paints_one_units_values_under_the_words_wrapping_long_headlines()
    {
        var traces = new[] { ChartSamples.Trace(30, 8, 6), ChartSamples.Trace(5, 8, 7) };
        var heatmap = new ChartJson(UnitTextChart.Create(traces, unit: 3, wordsPerLine: 14)).TracesOfType("heatmap").Single();
        var z = heatmap.GetProperty("z").EnumerateArray().Select(ChartJson.NullableNumbers).ToArray();
        var text = heatmap.GetProperty("text").EnumerateArray().ToArray();

        // 30 tokens -> lines of 14, 14, 2; a blank separator; 5 tokens -> one line.
        Assert.Equal(5, z.Length);
        Assert.Equal(traces[0].Hidden[15, 3], (float)z[1][1]!.Value);
        Assert.Equal(traces[0].Tokens[15].Replace("<", "&lt;").Replace(">", "&gt;"), text[1][1].GetString());
        Assert.Equal(traces[0].Hidden[29, 3], (float)z[2][1]!.Value);
        Assert.Null(z[2][2]);
        Assert.All(z[3], Assert.Null);
        Assert.Equal(traces[1].Hidden[4, 3], (float)z[4][4]!.Value);
        Assert.Equal("%{text}", heatmap.GetProperty("texttemplate").GetString());
    }

    [Fact]
    public void Gate_chart_shows_each_gate_of_the_trace_and_its_mean_per_step()
    {
        var trace = ChartSamples.Trace(9, 6, 8);
        var json = new ChartJson(GateActivityChart.Create(trace));
        var heatmaps = json.TracesOfType("heatmap");
        var lines = json.TracesOfType("scatter");

        Assert.Equal(["forget", "input", "output"], heatmaps.Select(h => h.GetProperty("name").GetString()));
        for (int g = 0; g < 3; g++)
        {
            var gate = trace.Gates[heatmaps[g].GetProperty("name").GetString()!];
            var z = ChartJson.Matrix(heatmaps[g].GetProperty("z"));
            for (int u = 0; u < 6; u++) for (int t = 0; t < 9; t++) Assert.Equal(gate[t, u], (float)z[u][t]);
            var mean = ChartJson.Numbers(lines[g].GetProperty("y"));
            Assert.Equal(Enumerable.Range(0, 6).Average(u => (double)gate[4, u]), mean[4], 12);
        }
        Assert.Throws<ArgumentException>(() => GateActivityChart.Create(ChartSamples.Trace(5, 4, 1, kind: CellKind.Rnn)));
    }

    [Fact]
    public void Gate_saturation_counts_the_shares_below_and_above_the_thresholds()
    {
        float[,] forget = { { 0.05f, 0.95f }, { 0.5f, 0.99f } };
        float[,] input = { { 0.95f, 0.0f }, { 0.92f, 0.1f } };
        var trace = new CellTrace(CellKind.Lstm, "forward", ["a", "b"], new float[2, 2],
            new Dictionary<string, float[,]> { ["input"] = input, ["forget"] = forget, ["output"] = new float[2, 2], ["cell"] = new float[2, 2] });
        var other = new CellTrace(CellKind.Lstm, "forward", ["c", "d"], new float[2, 2],
            new Dictionary<string, float[,]> { ["input"] = input, ["forget"] = forget, ["output"] = new float[2, 2], ["cell"] = new float[2, 2] });

        var rows = GateSaturation.Measure([trace, other]);

        Assert.Equal(["forget", "forget", "input", "input", "output", "output"], rows.Select(r => r.Gate));
        Assert.Equal(new GateUnitSaturation("forget", 0, 0.5, 0.0, 4), rows[0]);
        Assert.Equal(new GateUnitSaturation("forget", 1, 0.0, 1.0, 4), rows[1]);
        Assert.Equal(new GateUnitSaturation("input", 0, 0.0, 1.0, 4), rows[2]);
        Assert.Equal(new GateUnitSaturation("input", 1, 0.5, 0.0, 4), rows[3]); // 0.1 itself is not below 0.1
        Assert.Equal(new GateUnitSaturation("output", 0, 1.0, 0.0, 4), rows[4]);

        var points = new ChartJson(GateSaturationChart.Create(rows)).TracesOfType("scatter").Where(t => t.GetProperty("mode").GetString() == "markers").ToList();
        Assert.Equal(["forget gate", "input gate", "output gate"], points.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal([0.0, 0.5], ChartJson.Numbers(points[1].GetProperty("x")));
        Assert.Equal([1.0, 0.0], ChartJson.Numbers(points[1].GetProperty("y")));
    }

    [Fact]
    public void Unit_selection_finds_the_unit_that_fires_on_the_token()
    {
        // Unit 2 is 0.9 on "the" and -0.5 elsewhere; unit 0 is flat 0.1; unit 1 is 0.3 on "the", 0.2 elsewhere.
        string[] tokens = ["the", "cat", "saw", "the", "dog"];
        var hidden = new float[5, 3];
        for (int t = 0; t < 5; t++)
        {
            bool the = tokens[t] == "the";
            hidden[t, 0] = 0.1f;
            hidden[t, 1] = the ? 0.3f : 0.2f;
            hidden[t, 2] = the ? 0.9f : -0.5f;
        }
        var trace = new CellTrace(CellKind.Lstm, "forward", tokens, hidden, new Dictionary<string, float[,]>());

        var units = UnitSelection.FiringOn([trace], "THE", top: 2, topTokens: 2);

        Assert.Equal([2, 1], units.Select(u => u.Unit));
        Assert.Equal(0.9, units[0].MeanOnSelection, 6);
        Assert.Equal(-0.5, units[0].MeanElsewhere, 6);
        Assert.Equal(1.4, units[0].Score, 6);
        Assert.Equal("the", units[0].TopTokens[0].Token);
        Assert.Equal(2, units[0].TopTokens[0].Count);
        Assert.Equal(units.Select(u => u.Unit), UnitSelection.FiringOn([trace], new Regex("^t.e$"), top: 2).Select(u => u.Unit));
        Assert.Throws<ArgumentException>(() => UnitSelection.FiringOn([trace], "zebra"));

        var bars = new ChartJson(SelectedUnitsChart.Create(units, "the")).TracesOfType("bar");
        Assert.Equal([0.9, 0.3], ChartJson.Numbers(bars[0].GetProperty("x")).Select(v => Math.Round(v, 6)));
        Assert.StartsWith("unit 2: the", ChartJson.Strings(bars[0].GetProperty("y"))[0]);
    }

    [Fact]
    public void Gradient_norms_are_drawn_per_step_on_a_log_axis()
    {
        var rnn = Enumerable.Range(0, 40).Select(t => Math.Pow(0.7, 40 - t)).ToArray();
        var lstm = Enumerable.Range(0, 40).Select(t => 0.5 + t * 0.01).ToArray();
        rnn[0] = 0; // no place on a log axis: becomes a gap
        var json = new ChartJson(GradientNormChart.Create(new Dictionary<string, double[]> { ["RNN"] = rnn, ["LSTM"] = lstm }));

        Assert.Equal("log", json.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(["RNN", "LSTM"], json.Traces.Select(t => t.GetProperty("name").GetString()));
        var y = ChartJson.NullableNumbers(json.Traces[0].GetProperty("y"));
        Assert.Null(y[0]);
        Assert.Equal(rnn.Skip(1), y.Skip(1).Select(v => v!.Value));
        Assert.Equal(lstm, ChartJson.Numbers(json.Traces[1].GetProperty("y")));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (double)i), ChartJson.Numbers(json.Traces[1].GetProperty("x")));
    }

    [Fact]
    public void Class_probabilities_are_one_bar_per_class_with_the_prediction_highlighted()
    {
        double[] p = [0.1, 0.2, 0.6, 0.1];
        var bar = new ChartJson(ClassProbabilityChart.Create(ChartSamples.Classes, p, "Stocks fall as oil rises", actual: 2)).TracesOfType("bar").Single();

        Assert.Equal(ChartSamples.Classes, ChartJson.Strings(bar.GetProperty("x")));
        Assert.Equal(p, ChartJson.Numbers(bar.GetProperty("y")));
        var colors = ChartJson.Strings(bar.GetProperty("marker").GetProperty("color"));
        Assert.Equal(ChartStyle.RunColor(0), colors[2]);
        Assert.Single(colors, c => c == ChartStyle.RunColor(0));
        Assert.Throws<ArgumentException>(() => ClassProbabilityChart.Create(ChartSamples.Classes, [0.5, 0.5]));
    }

    [Fact]
    public void Variant_comparison_bars_and_table_hold_accuracy_speed_and_size()
    {
        var runs = new[] { ChartSamples.Run("RNN uni 1", 50_000, 3, 11), ChartSamples.Run("LSTM bi 2", 310_000, 4, 12), ChartSamples.Run("GRU uni 2", 200_000, 2, 13) };
        var json = new ChartJson(VariantComparisonChart.Create(runs));
        var bars = json.TracesOfType("bar");

        Assert.Equal(9, bars.Count);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(runs[r].Chosen.Test.Accuracy, bars[r].GetProperty("y")[0].GetDouble());
            Assert.Equal(runs[r].Epochs.Average(e => e.Seconds), bars[3 + r].GetProperty("y")[0].GetDouble(), 12);
            Assert.Equal(runs[r].Parameters, bars[6 + r].GetProperty("y")[0].GetDouble());
            Assert.Equal(runs[r].Name, bars[r].GetProperty("x")[0].GetString());
        }
        Assert.Equal(["y", "y2", "y3"], bars.Select(b => b.GetProperty("yaxis").GetString()).Distinct());

        var table = VariantComparisonChart.Table(runs);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("LSTM bi 2", table["Run"][1]);
        Assert.Equal(310_000L, table["Parameters"][1]);
        Assert.Equal(Math.Round(100 * runs[1].Epochs[2].Test.Accuracy, 1), (double)table["Test accuracy (%)"][1]!);
        Assert.Equal(Math.Round(100 * runs[1].Epochs[2].Validation!.Accuracy, 1), (double)table["Validation accuracy (%)"][1]!);
        Assert.Equal(Math.Round(100 * runs[1].Last.Test.Accuracy, 1), (double)table["Final test accuracy (%)"][1]!);
        Assert.Equal(3, table["Chosen epoch"][1]);
    }
}
