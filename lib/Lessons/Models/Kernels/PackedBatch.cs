using TorchSharp;
using static TorchSharp.torch;
using Rnn = TorchSharp.torch.nn.utils.rnn;

namespace Lessons.Models.Kernels;

/// <summary>
/// A padded, batch-first batch [B, T, E] as the rows a packed kernel reads, with the way back. Two readings:
/// <see cref="RealTokens"/> keeps each row's real tokens only, sorted longest first (what <c>pack_padded_sequence</c>
/// with <c>enforce_sorted: false</c> gives, i.e. what a built-in layer sees on packed input); <see cref="AllSteps"/>
/// keeps every step of every row, padding included (what a built-in layer sees on padded input), time-major: step t of
/// batch row b is row <c>t·B + b</c>.
/// </summary>
sealed class PackedBatch : IDisposable
{
    readonly nn.utils.rnn.PackedSequence? packed;
    readonly long batch, steps;

    public PackedLayout Layout { get; }

    /// <summary>[rows, E]: the tokens in the layout's order.</summary>
    public Tensor Rows { get; }

    PackedBatch(Tensor input, PackedLayout layout, Tensor rows, nn.utils.rnn.PackedSequence? packed)
    {
        (batch, steps) = (input.shape[0], input.shape[1]);
        (Layout, Rows, this.packed) = (layout, rows, packed);
    }

    /// <summary>Each row's first lengths[b] tokens; lengths [B] (1..T, any order).</summary>
    public static PackedBatch RealTokens(Tensor input, Tensor lengths)
    {
        // pack_padded_sequence wants the lengths on the CPU; enforce_sorted: false sorts inside and restores the order.
        var packed = Rnn.pack_padded_sequence(input, lengths.cpu(), batch_first: true, enforce_sorted: false);
        return new PackedBatch(input, PackedLayout.Of(packed.batch_sizes), packed.data, packed);
    }

    /// <summary>Every step of every row, padding included.</summary>
    public static PackedBatch AllSteps(Tensor input) =>
        new(input, PackedLayout.AllSteps(input.shape[0], input.shape[1]), input.transpose(0, 1).reshape(-1, input.shape[2]), packed: null);

    /// <summary>
    /// Per-row results [rows, D] back to the padded, batch-first layout [B, T, D] in the caller's row order (what
    /// pad_packed_sequence would give: zero at padding for <see cref="RealTokens"/>).
    /// </summary>
    public Tensor ToPadded(Tensor rows)
    {
        long width = rows.shape[1];
        if (packed is null) return rows.view(steps, batch, width).transpose(0, 1);
        using var positions = tensor(Layout.PaddedPositions(packed.sorted_indices.data<long>().ToArray(), steps));
        return zeros(batch * steps, width, dtype: rows.dtype).index_copy(0, positions, rows).view(batch, steps, width);
    }

    /// <summary>Final states [layers x directions, sequences, H] in the layout's order -> the caller's row order.</summary>
    public Tensor ToCallerOrder(Tensor finalStates) => packed is null ? finalStates : finalStates.index_select(1, packed.unsorted_indices);

    public void Dispose() => packed?.Dispose();
}
