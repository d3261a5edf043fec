using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The check every classifier runs on its input before the first layer: tokens [B, T] int64 and lengths [B]
/// int64 with every length in 1..T. Errors name what was expected and what came.
/// </summary>
internal static class TokenBatchShape
{
    public static void Check(Tensor tokens, Tensor lengths)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(lengths);
        if (tokens.dim() != 2 || tokens.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"tokens must be a [batch, steps] Int64 tensor of token ids; got shape {Describe(tokens.shape)} of {tokens.dtype}.", nameof(tokens));
        long batch = tokens.shape[0], steps = tokens.shape[1];
        if (batch == 0 || steps == 0)
            throw new ArgumentException($"tokens is empty (shape {Describe(tokens.shape)}): a batch needs at least one row and one step.", nameof(tokens));
        if (lengths.dim() != 1 || lengths.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"lengths must be a [batch] Int64 tensor; got shape {Describe(lengths.shape)} of {lengths.dtype}.", nameof(lengths));
        if (lengths.shape[0] != batch)
            throw new ArgumentException($"lengths has {lengths.shape[0]} entries but tokens has {batch} rows.", nameof(lengths));
        long shortest = lengths.min().item<long>(), longest = lengths.max().item<long>();
        if (shortest < 1)
            throw new ArgumentException($"every length must be at least 1 (row {lengths.argmin().item<long>()} has length {shortest}).", nameof(lengths));
        if (longest > steps)
            throw new ArgumentException(
                $"a length cannot exceed the {steps} steps of the batch (row {lengths.argmax().item<long>()} has length {longest}).", nameof(lengths));
    }

    static string Describe(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
