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
            // Accuracies are plotted as percentages, so the sign can go where the language writes it.
            Assert.Equal(epochs.Select(e => 100 * e.TrainAccuracy), ChartJson.Numbers(traces[2].GetProperty("y")));
            Assert.Equal(epochs.Select(e => 100 * e.Test.Accuracy), ChartJson.Numbers(traces[3].GetProperty("y")));
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
        Assert.Equal("BiLSTM hidden state, 12 tokens × 16 units (forward 8 | backward 8)", json.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("LSTM hidden state, 12 tokens × 8 units",
            new ChartJson(HiddenStateChart.Create(forward)).Layout.GetProperty("title").GetProperty("text").GetString());
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
        var json = new ChartJson(UnitTextChart.Create(traces, unit: 3, wordsPerLine: 14));
        var heatmap = json.TracesOfType("heatmap").Single();
        var z = heatmap.GetProperty("z").EnumerateArray().Select(ChartJson.NullableNumbers).ToArray();
        var text = heatmap.GetProperty("text").EnumerateArray().ToArray();

        // 30 tokens -> lines of 14, 14, 2; 5 tokens -> one line. No blank row between headlines: a line shape instead.
        Assert.Equal(4, z.Length);
        Assert.Equal(traces[0].Hidden[15, 3], (float)z[1][1]!.Value);
        Assert.Equal(traces[0].Tokens[15].Replace("<", "&lt;").Replace(">", "&gt;"), text[1][1].GetString());
        Assert.Equal(traces[0].Hidden[29, 3], (float)z[2][1]!.Value);
        Assert.Null(z[2][2]);
        Assert.Equal("", text[2][2].GetString());
        Assert.Equal(traces[1].Hidden[4, 3], (float)z[3][4]!.Value);
        Assert.Equal(["#1", "#1 (+14)", "#1 (+28)", "#2"], ChartJson.Strings(heatmap.GetProperty("y")));
        Assert.Equal("%{text}", heatmap.GetProperty("texttemplate").GetString());
        var separator = Assert.Single(json.Layout.GetProperty("shapes").EnumerateArray());
        Assert.Equal(2.5, separator.GetProperty("y0").GetDouble());
        Assert.Empty(ChartDataDefects.In(json.Data));
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
        Assert.Equal([0.0, 50.0], ChartJson.Numbers(points[1].GetProperty("x")));
        Assert.Equal([100.0, 0.0], ChartJson.Numbers(points[1].GetProperty("y")));
        var layout = new ChartJson(GateSaturationChart.Create(rows)).Layout;
        Assert.Equal("share of steps with the gate below 0.1 (nearly shut)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("share of steps with the gate above 0.9 (nearly open)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
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

        var units = UnitSelection.FiringOn([trace], "THE", top: 2, topTokens: 2, minCount: 1);

        Assert.Equal([2, 1], units.Select(u => u.Unit));
        Assert.Equal(0.9, units[0].MeanOnSelection, 6);
        Assert.Equal(-0.5, units[0].MeanElsewhere, 6);
        Assert.Equal(1.4, units[0].Score, 6);
        Assert.Equal("the", units[0].TopTokens[0].Token);
        Assert.Equal(2, units[0].TopTokens[0].Count);
        Assert.Equal(units.Select(u => u.Unit), UnitSelection.FiringOn([trace], new Regex("^t.e$"), top: 2, minCount: 1).Select(u => u.Unit));
        Assert.Throws<ArgumentException>(() => UnitSelection.FiringOn([trace], "zebra", minCount: 1));

        var bars = new ChartJson(SelectedUnitsChart.Create(units, "the")).TracesOfType("bar");
        Assert.Equal([0.9, 0.3], ChartJson.Numbers(bars[0].GetProperty("x")).Select(v => Math.Round(v, 6)));
        Assert.StartsWith("unit 2: the", ChartJson.Strings(bars[0].GetProperty("y"))[0]);
    }

    [Fact]
    public void Unit_selection_ranks_top_tokens_among_those_seen_often_enough_and_says_so()
    {
        // "oil" 6 times (unit 0 at 0.5), "crude" 5 times (0.6), "cartel" once (0.99): a rare word must not top the list.
        var tokens = new List<string>();
        var values = new List<float>();
        void Add(string token, float value, int times)
        {
            for (int i = 0; i < times; i++) { tokens.Add(token); values.Add(value); }
        }
        Add("oil", 0.5f, 6); Add("crude", 0.6f, 5); Add("cartel", 0.99f, 1); Add("the", -0.2f, 10);
        var hidden = new float[tokens.Count, 1];
        for (int t = 0; t < tokens.Count; t++) hidden[t, 0] = values[t];
        var trace = new CellTrace(CellKind.Lstm, "forward", tokens, hidden, new Dictionary<string, float[,]>());

        var unit = UnitSelection.FiringOn([trace], "oil").Single();

        Assert.Equal(UnitSelection.DefaultMinCount, unit.MinCount);
        Assert.Equal(["crude", "oil", "the"], unit.TopTokens.Select(t => t.Token));
        Assert.Equal("cartel", UnitSelection.FiringOn([trace], "oil", minCount: 1).Single().TopTokens[0].Token);
        var rare = Assert.Throws<ArgumentException>(() => UnitSelection.FiringOn([trace], "cartel"));
        Assert.Contains("occurs 1 time in these traces, fewer than minCount = 5", rare.Message);
        var json = new ChartJson(SelectedUnitsChart.Create([unit], "oil"));
        // On two lines: on one it would be taller than the plot, and run up into the chart's title.
        Assert.Equal("unit: its top tokens<br>(each seen ≥ 5 times)", json.Layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
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
    public void The_exploding_gradient_chart_counts_the_steps_read_from_one_on_a_log_axis()
    {
        double[] large = [170, 900, 4e3, 2e4], clipped = [1, 1, 1, 1];
        var json = new ChartJson(GradientNormChart.Exploding([("H times 4", large), ("clipped at 1", clipped)]));

        Assert.Equal("log", json.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(["H times 4", "clipped at 1"], json.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1.0, 2, 3, 4], ChartJson.Numbers(json.Traces[0].GetProperty("x")));
        Assert.Equal(large, ChartJson.Numbers(json.Traces[0].GetProperty("y")));
        Assert.Equal(clipped, ChartJson.Numbers(json.Traces[1].GetProperty("y")));
        Assert.Contains("steps read T", json.Layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Bits_per_character_are_drawn_per_epoch_beside_two_flat_baselines()
    {
        var json = new ChartJson(BitsPerCharacterChart.Create([3.0, 2.5], [2.8, 2.6], 4.4, 3.4));

        Assert.Equal(["LSTM, training headlines", "LSTM, held-out headlines", "unigram baseline (held-out)", "bigram baseline (held-out)"],
            json.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([2.8, 2.6], ChartJson.Numbers(json.Traces[1].GetProperty("y")));
        Assert.Equal([1.0, 2.0], ChartJson.Numbers(json.Traces[3].GetProperty("x")));
        Assert.Equal([3.4, 3.4], ChartJson.Numbers(json.Traces[3].GetProperty("y")));
        Assert.Throws<ArgumentException>(() => BitsPerCharacterChart.Create([3.0], [2.8, 2.6], 4.4, 3.4));
    }

    [Fact]
    public void Next_character_probabilities_are_a_pair_of_bars_per_character_with_end_last()
    {
        var json = new ChartJson(NextCharacterChart.Create("a b", [0.5, 0.25, 0.125, 0.75], [0.1, 0.2, 0.3, 0.4]));

        var bars = json.TracesOfType("bar");
        Assert.Equal(["LSTM", "bigram baseline (held-out)"], bars.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([50, 25, 12.5, 75], ChartJson.Numbers(bars[0].GetProperty("y")));
        Assert.Equal(["a", "␣", "b", "⏎"], ChartJson.Strings(json.Layout.GetProperty("xaxis").GetProperty("ticktext")));
        Assert.Equal("How likely each next character was, reading “a b”", json.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Throws<ArgumentException>(() => NextCharacterChart.Create("a b", [0.5, 0.25, 0.125], [0.1, 0.2, 0.3]));
    }

    [Fact]
    public void Class_probabilities_are_one_bar_per_class_with_the_prediction_highlighted()
    {
        double[] p = [0.1, 0.2, 0.6, 0.1];
        var bar = new ChartJson(ClassProbabilityChart.Create(ChartSamples.Classes, p, "Stocks fall as oil rises", actual: 2)).TracesOfType("bar").Single();

        Assert.Equal(ChartSamples.Classes, ChartJson.Strings(bar.GetProperty("x")));
        Assert.Equal(p.Select(v => 100 * v), ChartJson.Numbers(bar.GetProperty("y")));
        var colors = ChartJson.Strings(bar.GetProperty("marker").GetProperty("color"));
        Assert.Equal(ChartStyle.RunColor(0), colors[2]);
        Assert.Single(colors, c => c == ChartStyle.RunColor(0));
        Assert.Throws<ArgumentException>(() => ClassProbabilityChart.Create(ChartSamples.Classes, [0.5, 0.5]));
    }

    [Fact]
    public void Variant_comparison_shows_accuracy_zoomed_speed_and_recurrent_parameters_with_a_table_of_every_part()
    {
        var runs = new[] { ChartSamples.Run("RNN uni 1", 5_000, 3, 11), ChartSamples.Run("LSTM bi 2", 310_000, 4, 12), ChartSamples.Run("GRU uni 2", 200_000, 2, 13) };
        var counts = runs.Select(r => ChartSamples.Counts(r.Parameters)).ToList();
        var json = new ChartJson(VariantComparisonChart.Create(runs, counts));
        var dots = json.TracesOfType("scatter");
        var bars = json.TracesOfType("bar");

        Assert.Equal(3, dots.Count);
        Assert.Equal(6, bars.Count);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(100 * runs[r].Chosen.Test.Accuracy, dots[r].GetProperty("y")[0].GetDouble());
            Assert.Equal(runs[r].SecondsPerEpoch, bars[2 * r].GetProperty("y")[0].GetDouble(), 12);
            Assert.Equal(runs[r].Parameters, bars[2 * r + 1].GetProperty("y")[0].GetDouble());
            Assert.Equal(runs[r].Name, dots[r].GetProperty("x")[0].GetString());
            Assert.False(dots[r].TryGetProperty("error_y", out _), "one run per variant: no error bars");
        }
        Assert.Contains("embedding: 768,000", bars[1].GetProperty("hovertemplate").GetString());
        Assert.Equal(["y", "y2", "y3"], json.Traces.Select(b => b.GetProperty("yaxis").GetString()).Distinct());

        // The accuracy axis hugs the data (here 0.75..0.825) with a margin, and says it is zoomed; the others start at 0.
        var accuracy = json.Layout.GetProperty("yaxis");
        Assert.Equal("test accuracy, chosen epoch (axis zoomed)", accuracy.GetProperty("title").GetProperty("text").GetString());
        var range = ChartJson.Numbers(accuracy.GetProperty("range"));
        double low = 100 * runs.Min(r => r.Chosen.Test.Accuracy), high = 100 * runs.Max(r => r.Chosen.Test.Accuracy);
        Assert.InRange(range[0], low - 0.5 * (high - low), low - 0.5);
        Assert.InRange(range[1], high + 0.5, high + 0.5 * (high - low));
        Assert.Equal("recurrent parameters", json.Layout.GetProperty("yaxis3").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("tozero", json.Layout.GetProperty("yaxis3").GetProperty("rangemode").GetString());
        Assert.Empty(ChartDataDefects.In(json.Data));

        var table = VariantComparisonChart.Table(runs, counts);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["Run", "Test accuracy (%)", "Chosen epoch", "Validation accuracy (%)", "Final test accuracy (%)", "Seconds per epoch (median)", "Samples per second (median)",
            "Padding (%)", "Recurrent parameters", "Embedding parameters", "Output layer parameters", "Parameters"], table.Columns.Select(c => c.Name));
        Assert.Equal("LSTM bi 2", table["Run"][1]);
        Assert.Equal(310_000L, table["Recurrent parameters"][1]);
        Assert.Equal(768_000L + 310_000 + 260, table["Parameters"][1]);
        Assert.Equal(2400.0, table["Samples per second (median)"][1]);
        Assert.Equal(12.0, table["Padding (%)"][1]);
        Assert.Equal(Math.Round(100 * runs[1].Chosen.Test.Accuracy, 1), (double)table["Test accuracy (%)"][1]!);
        Assert.Equal(Math.Round(100 * runs[1].Chosen.Validation!.Accuracy, 1), (double)table["Validation accuracy (%)"][1]!);
        Assert.Equal(Math.Round(100 * runs[1].Last.Test.Accuracy, 1), (double)table["Final test accuracy (%)"][1]!);
        Assert.Equal(runs[1].Chosen.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), table["Chosen epoch"][1]);
        Assert.Throws<ArgumentException>(() => VariantComparisonChart.Create(runs, counts.Take(2).ToList()));
    }

    [Fact]
    public void Variant_comparison_over_seeds_shows_the_mean_with_lowest_to_highest_error_bars()
    {
        // Two variants, three seeds each, named alike; given interleaved, as a loop over seeds would produce them.
        var lstm = Enumerable.Range(0, 3).Select(s => ChartSamples.Run("LSTM", 30_000, 3 + s, 40 + s)).ToList();
        var bi = Enumerable.Range(0, 3).Select(s => ChartSamples.Run("BiLSTM", 60_000, 2 + s, 50 + s)).ToList();
        var runs = new[] { lstm[0], bi[0], lstm[1], bi[1], lstm[2], bi[2] };
        var counts = runs.Select(r => ChartSamples.Counts(r.Parameters)).ToList();
        var json = new ChartJson(VariantComparisonChart.Create(runs, counts));
        var dots = json.TracesOfType("scatter");

        Assert.Equal(["LSTM", "BiLSTM"], dots.Select(d => d.GetProperty("name").GetString()));
        var best = lstm.Select(r => r.Chosen.Test.Accuracy).ToList();
        Assert.Equal(100 * best.Average(), dots[0].GetProperty("y")[0].GetDouble(), 10);
        var error = dots[0].GetProperty("error_y");
        Assert.Equal(100 * (best.Max() - best.Average()), error.GetProperty("array")[0].GetDouble(), 10);
        Assert.Equal(100 * (best.Average() - best.Min()), error.GetProperty("arrayminus")[0].GetDouble(), 10);
        var seconds = json.TracesOfType("bar")[0];
        Assert.Equal(lstm.Average(r => r.SecondsPerEpoch), seconds.GetProperty("y")[0].GetDouble(), 12);
        Assert.True(seconds.TryGetProperty("error_y", out _), "seconds per epoch vary by seed too");
        Assert.Contains("mean of 3 seeds", json.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Contains("over 3 seeds", dots[1].GetProperty("hovertemplate").GetString());
        var range = ChartJson.Numbers(json.Layout.GetProperty("yaxis").GetProperty("range"));
        Assert.True(range[0] < 100 * runs.Min(r => r.Chosen.Test.Accuracy) && range[1] > 100 * runs.Max(r => r.Chosen.Test.Accuracy), "the error bars fit on the axis");
        Assert.Empty(ChartDataDefects.In(json.Data));

        var table = VariantComparisonChart.Table(runs, counts);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(3, table["Seeds"][0]);
        Assert.Equal(VariantSummary.Percent(best.Average()), (double)table["Test accuracy (%)"][0]!);
        Assert.Equal($"{VariantSummary.Percent(best.Min()):0.0}–{VariantSummary.Percent(best.Max()):0.0}", table["Seed range (%)"][0]);
        Assert.Equal(string.Join(", ", lstm.Select(r => r.Chosen.Epoch)), table["Chosen epoch"][0]);

        counts[2] = ChartSamples.Counts(31_000);
        var mixed = Assert.Throws<ArgumentException>(() => VariantComparisonChart.Table(runs, counts));
        Assert.Contains("\"LSTM\" differ in their parameters", mixed.Message);
    }

    [Fact]
    public void No_chart_of_the_gallery_has_null_text_or_blank_heatmap_rows()
    {
        foreach (var (name, chart, _) in ChartGallery.All())
            Assert.True(ChartDataDefects.In(new ChartJson(chart).Data).Count == 0,
                $"{name}: {string.Join("; ", ChartDataDefects.In(new ChartJson(chart).Data))}");
    }

    [Fact]
    public void Long_memory_chart_has_one_line_per_model_and_chance_dashed_across_all_distractors()
    {
        int[] n = [5, 10, 20, 50, 100];
        double[] rnn = [1.0, 0.99, 0.6, 0.27, 0.25], lstm = [1.0, 1.0, 1.0, 0.98, 0.97];
        var json = new ChartJson(LongMemoryChart.Create([("RNN", n, rnn), ("LSTM <1>", n, lstm)], chance: 0.25));

        Assert.Equal(["RNN", "LSTM &lt;1&gt;", "chance (25%)"], json.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(rnn.Select(v => 100 * v), ChartJson.Numbers(json.Traces[0].GetProperty("y")));
        Assert.Equal(lstm.Select(v => 100 * v), ChartJson.Numbers(json.Traces[1].GetProperty("y")));
        Assert.Equal(n.Select(v => (double)v), ChartJson.Numbers(json.Traces[1].GetProperty("x")));
        Assert.Equal([5.0, 100.0], ChartJson.Numbers(json.Traces[2].GetProperty("x")));
        Assert.Equal([25.0, 25.0], ChartJson.Numbers(json.Traces[2].GetProperty("y")));
        Assert.Equal("dash", json.Traces[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(ChartStyle.RunColor(1), json.Traces[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("log", json.Layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(n.Select(v => (double)v), ChartJson.Numbers(json.Layout.GetProperty("xaxis").GetProperty("tickvals")));
        var wrong = Assert.Throws<ArgumentException>(() => LongMemoryChart.Create([("GRU", n, [0.5])], 0.25));
        Assert.Contains("\"GRU\" needs one accuracy per number of distractors (got 5 and 1)", wrong.Message);
    }
    [Fact]
    public void Tagging_chart_has_a_line_per_model_over_the_distance_bins_and_the_majority_dashed()
    {
        var uni = new DistanceAccuracy(3, [0.4, 0.3, 0.2, 0.9], [10, 8, 20, 50]);
        var bi = new DistanceAccuracy(3, [0.99, 0.98, double.NaN, 0.97], [10, 8, 0, 50]);
        var json = new ChartJson(TaggingDistanceChart.Create([("uni", uni), ("bi <2>", bi)], majority: 0.58));

        Assert.Equal(["uni", "bi &lt;2&gt;", "always the most common tag (58%)"], json.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["1", "2", "3 or more", "no number after"], ChartJson.Strings(json.Traces[0].GetProperty("x")));
        Assert.Equal([40.0, 30, 20, 90], ChartJson.Numbers(json.Traces[0].GetProperty("y")));
        Assert.Equal([99.0, 98, null, 97], ChartJson.NullableNumbers(json.Traces[1].GetProperty("y")));
        Assert.Equal([10.0, 8, 0, 50], ChartJson.Numbers(json.Traces[1].GetProperty("customdata")));
        Assert.Equal(["1", "no number after"], ChartJson.Strings(json.Traces[2].GetProperty("x")));
        Assert.Equal("dash", json.Traces[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("Tagging: per-token accuracy by how far to the right the deciding number lies",
            json.Layout.GetProperty("title").GetProperty("text").GetString());
        var mixed = Assert.Throws<ArgumentException>(() => TaggingDistanceChart.Create([("uni", uni), ("far", new DistanceAccuracy(5, new double[6], new int[6]))], 0.5));
        Assert.StartsWith("Every model's accuracy needs the same distance bins.", mixed.Message);
    }
}
