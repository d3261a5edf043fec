using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Batching;

/// <summary>
/// Turns a list of example indices into a <see cref="Batch"/>: one [B, T] int64 grid padded at the end of
/// each row with the pad id (T = the longest row of this batch), the real lengths, the labels.
/// One managed array and three tensor copies per batch; no tokenizing, no per-row tensors.
/// </summary>
public static class BatchBuilder
{
    /// <summary>The vocabulary's &lt;pad&gt; id (Vocabulary.Pad). Id 0 is &lt;unk&gt;: padding with it would feed the model fake unknown words.</summary>
    public const int DefaultPad = 1;

    public static Batch Build(IReadOnlyList<EncodedExample> examples, int[] indices, Device? device = null, int pad = DefaultPad)
    {
        if (indices.Length == 0) throw new ArgumentException("A batch needs at least one example.", nameof(indices));
        int rows = indices.Length, steps = 0;
        foreach (int i in indices) steps = Math.Max(steps, examples[i].Length);
        if (steps == 0) throw new ArgumentException("Every example needs at least one token.", nameof(examples));

        var tokens = new long[rows * steps];
        Array.Fill(tokens, pad);
        var lengths = new long[rows];
        var labels = new long[rows];
        for (int r = 0; r < rows; r++)
        {
            var example = examples[indices[r]];
            var row = tokens.AsSpan(r * steps, example.Length);
            for (int t = 0; t < example.Length; t++) row[t] = example.Tokens[t];
            lengths[r] = example.Length;
            labels[r] = example.Label;
        }

        var tokenTensor = tensor(tokens, [rows, steps], ScalarType.Int64);
        var lengthTensor = tensor(lengths, ScalarType.Int64);
        var labelTensor = tensor(labels, ScalarType.Int64);
        if (device is not null && device.type != DeviceType.CPU)
        {
            // Lengths stay on the CPU: pack_padded_sequence wants them there.
            tokenTensor = MoveTo(tokenTensor, device);
            labelTensor = MoveTo(labelTensor, device);
        }
        return new Batch(tokenTensor, lengthTensor, labelTensor, [.. indices]);
    }

    static Tensor MoveTo(Tensor tensor, Device device)
    {
        var moved = tensor.to(device);
        tensor.Dispose();
        return moved;
    }

    /// <summary>All batches of one sampler epoch, built lazily (each one is the caller's to dispose).</summary>
    public static IEnumerable<Batch> Batches(IReadOnlyList<EncodedExample> examples, IEnumerable<int[]> plan, Device? device = null, int pad = DefaultPad)
    {
        foreach (var indices in plan) yield return Build(examples, indices, device, pad);
    }

    /// <summary>
    /// Batches for evaluation, where order does not matter: every example once, sorted by length so that
    /// batches carry almost no padding.
    /// </summary>
    public static IReadOnlyList<int[]> ByLength(IReadOnlyList<EncodedExample> examples, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int[] order = [.. Enumerable.Range(0, examples.Count).OrderBy(i => examples[i].Length)];
        return [.. order.Chunk(batchSize)];
    }
}
