using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Models.Kernels;

/// <summary>
/// A padded, batch-first batch [B, T, E] as the rows a packed kernel reads, with the way back. Two readings:
/// <see cref="RealTokens"/> keeps each row's real tokens only, sorted longest first (the rows and order
/// <c>pack_padded_sequence</c> with <c>enforce_sorted: false</c> gives, i.e. what a built-in layer sees on packed
/// input); <see cref="AllSteps"/> keeps every step of every row, padding included (what a built-in layer sees on padded
/// input), time-major: step t of batch row b is row <c>t·B + b</c>.
/// </summary>
sealed class PackedBatch
{
    readonly long batch, steps;
    readonly long[]? paddedPositions, callerOrder;   // RealTokens: each packed row's padded position; each batch row's sorted place

    public PackedLayout Layout { get; }

    /// <summary>[rows, E]: the tokens in the layout's order.</summary>
    public Tensor Rows { get; }

    PackedBatch(Tensor input, PackedLayout layout, Tensor rows, long[]? paddedPositions = null, long[]? callerOrder = null)
    {
        (batch, steps) = (input.shape[0], input.shape[1]);
        (Layout, Rows, this.paddedPositions, this.callerOrder) = (layout, rows, paddedPositions, callerOrder);
    }

    /// <summary>
    /// Each row's first lengths[b] tokens; lengths [B] (1..T, any order). One gather of the input's rows, where
    /// LibTorch's <c>pack_padded_sequence</c> (a sort, a slice per step, a concatenation) took 0.2–0.6 ms a batch on
    /// the 2-core machine: packed LSTMs train about a tenth faster (<c>lessons bench</c>, "packed LSTM").
    /// </summary>
    public static PackedBatch RealTokens(Tensor input, Tensor lengths)
    {
        long rowsInBatch = input.shape[0], steps = input.shape[1];
        var lengthsOnCpu = lengths.cpu();
        long[] rowLengths = lengthsOnCpu.data<long>().ToArray();
        if (rowLengths.Length != rowsInBatch || rowLengths.Any(n => n < 1 || n > steps))
            throw new ArgumentException($"lengths must give each of the {rowsInBatch} rows a length from 1 to {steps} (got [{string.Join(", ", rowLengths)}])", nameof(lengths));
        // LibTorch's own sort, as pack_padded_sequence calls it: rows of equal length come out in its order, so that
        // the rows (and the sums over them in the weights' gradients) are exactly those of the built-in packing.
        var (_, order) = lengthsOnCpu.sort(dim: -1, descending: true);
        long[] sorted = order.data<long>().ToArray();
        var layout = new PackedLayout([.. Enumerable.Range(0, (int)rowLengths[sorted[0]]).Select(t => (long)rowLengths.Count(n => n > t))]);
        long[] paddedPositions = layout.PaddedPositions(sorted, steps);
        using var positions = tensor(paddedPositions);
        var rows = input.reshape(rowsInBatch * steps, input.shape[2]).index_select(0, positions);
        var callerOrder = new long[sorted.Length];   // the inverse permutation: batch row b sits at sorted place callerOrder[b]
        for (int r = 0; r < sorted.Length; r++) callerOrder[sorted[r]] = r;
        return new PackedBatch(input, layout, rows, paddedPositions, callerOrder);
    }

    /// <summary>Every step of every row, padding included.</summary>
    public static PackedBatch AllSteps(Tensor input) =>
        new(input, PackedLayout.AllSteps(input.shape[0], input.shape[1]), input.transpose(0, 1).reshape(-1, input.shape[2]));

    /// <summary>
    /// Per-row results [rows, D] back to the padded, batch-first layout [B, T, D] in the caller's row order (what
    /// pad_packed_sequence would give: zero at padding for <see cref="RealTokens"/>).
    /// </summary>
    public Tensor ToPadded(Tensor rows)
    {
        long width = rows.shape[1];
        if (paddedPositions is null) return rows.view(steps, batch, width).transpose(0, 1);
        using var positions = tensor(paddedPositions);
        return zeros(batch * steps, width, dtype: rows.dtype).index_copy(0, positions, rows).view(batch, steps, width);
    }

    /// <summary>Final states [layers x directions, sequences, H] in the layout's order -> the caller's row order.</summary>
    public Tensor ToCallerOrder(Tensor finalStates)
    {
        if (callerOrder is null) return finalStates;
        using var indices = tensor(callerOrder);
        return finalStates.index_select(1, indices);
    }
}
