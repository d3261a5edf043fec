using Lessons.Models;
using Lessons.Runtime;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>Small shared pieces for the model tests: the runtime, tiny options, padded batches.</summary>
static class ModelTestData
{
    public const int Vocabulary = 30, Pad = 1;

    public static void Ready() => TorchRuntime.EnsureReady();

    public static ClassifierOptions Tiny(CellKind kind, bool bidirectional = false, int layers = 1, bool packed = false,
        Readout readout = Readout.Final) => new()
        {
            Kind = kind,
            VocabularySize = Vocabulary,
            Embedding = 6,
            Hidden = 5,
            Classes = 4,
            Layers = layers,
            Bidirectional = bidirectional,
            Packed = packed,
            Readout = readout,
            PadIndex = Pad,
        };

    /// <summary>Rows of real token ids (never Pad) padded at the end to <paramref name="steps"/> (default: the longest row).</summary>
    public static (Tensor Tokens, Tensor Lengths) Batch(int[][] rows, int? steps = null)
    {
        int width = steps ?? rows.Max(r => r.Length);
        var ids = new long[rows.Length, width];
        for (int b = 0; b < rows.Length; b++)
            for (int t = 0; t < width; t++)
                ids[b, t] = t < rows[b].Length ? rows[b][t] : Pad;
        return (tensor(ids), tensor(rows.Select(r => (long)r.Length).ToArray()));
    }

    /// <summary>Three rows of different lengths, the longest not first (so packing has to sort).</summary>
    public static readonly int[][] Rows =
    [
        [5, 9, 2, 7],
        [3, 8, 12, 4, 6, 10, 11],
        [14, 2],
    ];

    public static float MaxDifference(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
