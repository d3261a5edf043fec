using Lessons.Inspection;
using Lessons.Models;
using Lessons.Training;

namespace Lessons.Tests.Charts;

/// <summary>Histories and traces made by hand (no training): fixed numbers the charts must carry through.</summary>
internal static class ChartSamples
{
    public static readonly string[] Classes = ["World", "Sports", "Business", "Sci/Tech"];

    public static ConfusionMatrix Confusion(int seed = 1)
    {
        var random = new Random(seed);
        var counts = new long[4, 4];
        for (int a = 0; a < 4; a++)
            for (int p = 0; p < 4; p++)
                counts[a, p] = a == p ? 300 + random.Next(60) : random.Next(40);
        return new ConfusionMatrix(Classes, counts);
    }

    public static History Run(string name, long parameters, int epochs, int seed)
    {
        var random = new Random(seed);
        var list = new List<EpochMetrics>();
        for (int e = 1; e <= epochs; e++)
        {
            double loss = 1.4 / e + random.NextDouble() * 0.05;
            var test = new Evaluation(loss + 0.1, 0.6 + 0.3 * (1 - 1.0 / e), Confusion(seed + e), []);
            var validation = new Evaluation(loss + 0.2, 0.7 - 0.01 * Math.Abs(e - (epochs - 1)), Confusion(seed + 2 * e), []);
            list.Add(new EpochMetrics(e, e * 6080L, loss, 0.55 + 0.35 * (1 - 1.0 / e), test, 2.5 + random.NextDouble(), 2400, 0.12,
                validation));
        }
        // The epoch before the last has the best validation accuracy: the chosen one differs from the last.
        return new History(name, parameters, list, ChosenEpoch: Math.Max(1, epochs - 1));
    }

    /// <summary>Parameters of a sample run: an embedding of 6,000 words × 128 (most of them), a head for 4 classes.</summary>
    public static ParameterCounts Counts(long recurrent) => new(768_000, recurrent, 260);

    /// <summary>A headline of <paramref name="length"/> tokens with "&lt;unk&gt;" and a repeated word among them.</summary>
    public static string[] Tokens(int length)
    {
        string[] words = ["wall", "st", ".", "bears", "claw", "back", "into", "the", "black", "<unk>", "reuters", "the", "short-sellers", ","];
        return Enumerable.Range(0, length).Select(i => words[i % words.Length]).ToArray();
    }

    /// <summary>An LSTM-like trace: tanh-range hidden states and sigmoid-range gates from a seeded generator.</summary>
    public static CellTrace Trace(int tokens, int units, int seed, string direction = "forward", CellKind kind = CellKind.Lstm)
    {
        var random = new Random(seed);
        float[,] Matrix(Func<float> value)
        {
            var m = new float[tokens, units];
            for (int t = 0; t < tokens; t++) for (int u = 0; u < units; u++) m[t, u] = value();
            return m;
        }
        var hidden = Matrix(() => (float)Math.Tanh(random.NextDouble() * 4 - 2));
        var gates = kind == CellKind.Rnn
            ? new Dictionary<string, float[,]>()
            : new Dictionary<string, float[,]>
            {
                ["forget"] = Matrix(() => (float)random.NextDouble()),
                ["input"] = Matrix(() => (float)random.NextDouble()),
                ["output"] = Matrix(() => (float)random.NextDouble()),
                ["candidate"] = Matrix(() => (float)(random.NextDouble() * 2 - 1)),
                ["cell"] = Matrix(() => (float)(random.NextDouble() * 4 - 2)),
            };
        return new CellTrace(kind, direction, Tokens(tokens), hidden, gates);
    }
}
