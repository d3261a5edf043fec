using Lessons.Charts;
using Lessons.Inspection;
using Plotly.NET;

namespace Lessons.Tests.Charts;

/// <summary>One chart of every kind the kit draws, at classroom size (60+ tokens, 64 units), with its trace count.</summary>
internal static class ChartGallery
{
    public static IReadOnlyList<(string Name, GenericChart Chart, int Traces)> All()
    {
        var runs = new[] { ChartSamples.Run("RNN uni 1", 50_000, 4, 11), ChartSamples.Run("LSTM bi 2", 310_000, 4, 12), ChartSamples.Run("GRU uni 2", 200_000, 4, 13) };
        var counts = runs.Select(r => ChartSamples.Counts(r.Parameters)).ToList();
        var forward = ChartSamples.Trace(62, 64, 3);
        var backward = ChartSamples.Trace(62, 64, 4, "backward");
        var traces = Enumerable.Range(0, 4).Select(i => ChartSamples.Trace(12 + i * 17, 64, 20 + i)).ToList();
        var norms = new Dictionary<string, double[]>
        {
            ["RNN"] = Enumerable.Range(0, 60).Select(t => Math.Pow(0.8, 60 - t)).ToArray(),
            ["LSTM"] = Enumerable.Range(0, 60).Select(t => 0.3 + 0.002 * t).ToArray(),
        };
        return
        [
            ("training-curves", TrainingCurvesChart.Create(runs), 12),
            ("variant-comparison", VariantComparisonChart.Create(runs, counts), 9),
            ("confusion-matrix", ConfusionMatrixChart.Create(ChartSamples.Confusion()), 1),
            ("hidden-state", HiddenStateChart.Create(forward), 1),
            ("hidden-state-bidirectional", HiddenStateChart.Create(forward, backward), 2),
            ("unit-over-text", UnitTextChart.Create(traces, unit: 5), 1),
            ("selected-units", SelectedUnitsChart.Create(UnitSelection.FiringOn(traces, "the"), "the"), 2),
            ("gates-over-time", GateActivityChart.Create(forward), 6),
            ("gate-saturation", GateSaturationChart.Create(traces), 4),
            ("gradient-norms", GradientNormChart.Create(norms), 2),
            ("long-memory", LongMemoryChart.Create([("RNN", [5, 10, 20, 50, 100], [1, 0.98, 0.7, 0.3, 0.26]), ("LSTM", [5, 10, 20, 50, 100], [1, 1, 1, 0.99, 0.97])], 0.25), 3),
            ("tagging-distance", TaggingDistanceChart.Create([("unidirectional", new DistanceAccuracy(10, [0.3, 0.28, 0.27, 0.26, 0.25, 0.25, 0.24, 0.24, 0.23, 0.22, 0.93], [900, 850, 800, 760, 700, 650, 600, 560, 520, 4000, 40000])), ("bidirectional", new DistanceAccuracy(10, [0.97, 0.96, 0.96, 0.95, 0.95, 0.94, 0.94, 0.93, 0.93, 0.9, 0.97], [900, 850, 800, 760, 700, 650, 600, 560, 520, 4000, 40000]))], 0.58), 3),
            ("bits-per-character", BitsPerCharacterChart.Create([3.1, 2.6, 2.4], [2.9, 2.6, 2.5], 4.4, 3.4), 4),
            ("next-character", NextCharacterChart.Create("Oil hits a record", [.. Enumerable.Range(0, 18).Select(i => (i % 5) / 5.0)],
                [.. Enumerable.Range(0, 18).Select(i => 0.1 + (i % 3) / 10.0)]), 2),
            ("class-probabilities", ClassProbabilityChart.Create(ChartSamples.Classes, [0.1, 0.15, 0.7, 0.05], "Wall St. Bears Claw Back Into the Black", actual: 2), 1),
        ];
    }
}
