using Lessons.Models;

namespace Lessons.Cli.Commands;

/// <summary>
/// One benchmarked configuration of <c>lessons bench</c>: the kit's model and the name both PyTorch yardsticks
/// (<c>pytorch_reference.py</c>, <c>pytorch_tuned.py</c>) give the same model.
/// </summary>
sealed record BenchConfiguration(string Name, string PythonModel, Func<int, ClassifierOptions> Options)
{
    public static readonly IReadOnlyList<BenchConfiguration> All =
    [
        new("RNN", "rnn", v => Lesson(CellKind.Rnn, v)),
        new("LSTM", "lstm", v => Lesson(CellKind.Lstm, v)),
        new("packed LSTM", "lstm_packed", v => Lesson(CellKind.Lstm, v) with { Packed = true }),
        new("bidirectional LSTM", "bilstm", v => Lesson(CellKind.Lstm, v) with { Bidirectional = true }),
        new("2-layer LSTM", "lstm2", v => Lesson(CellKind.Lstm, v) with { Layers = 2 }),
        new("GRU", "gru", v => Lesson(CellKind.Gru, v)),
    ];

    /// <summary>The lesson's model for a kind, with sparse embedding gradients (the one change that is ours, not the lesson's).</summary>
    static ClassifierOptions Lesson(CellKind kind, int vocabularySize) =>
        ClassifierOptions.For(kind, vocabularySize) with { SparseEmbedding = true };

    /// <summary>The configurations named in <paramref name="only"/> (comma-separated, any case), or all of them.</summary>
    public static IReadOnlyList<BenchConfiguration> Choose(string? only) => only is null ? All
        : [.. Names(only).Select(n => Named(n)
                ?? throw new BenchException($"No configuration \"{n}\"; choose from {string.Join(", ", All.Select(c => c.Name))}."))];

    /// <summary>Whether <paramref name="only"/> names one configuration or more, and only known ones.</summary>
    public static bool AreNames(string only) => Names(only) is { Length: > 0 } names && names.All(n => Named(n) is not null);

    static string[] Names(string only) => only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static BenchConfiguration? Named(string name) => All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The useful arithmetic of one training sample, forward and backward, of the recurrent and linear layers: per real
    /// token and layer-direction the matrix products x·W_ihᵀ and h·W_hhᵀ (2·gates·H·(inputs + H) FLOPs), three times
    /// over for forward and the two gradients of backward; the linear layer likewise once per sample. Padding,
    /// activations, the embedding and the optimizer are left out, so this is a floor on what any engine must compute.
    /// </summary>
    public static double FlopsPerSample(ClassifierOptions o, double tokensPerSample)
    {
        int gates = CellKinds.GateBlocks(o.Kind), directions = o.Bidirectional ? 2 : 1;
        double perToken = 0;
        for (int layer = 0; layer < o.Layers; layer++)
        {
            int inputs = layer == 0 ? o.Embedding : directions * o.Hidden;
            perToken += directions * 3.0 * 2 * gates * o.Hidden * (inputs + o.Hidden);
        }
        int features = (o.Readout == Readout.MaxMean ? 2 : 1) * directions * o.Hidden;
        return tokensPerSample * perToken + 3.0 * 2 * features * o.Classes;
    }
}
