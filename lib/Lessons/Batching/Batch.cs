using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Batching;

/// <summary>
/// One mini-batch, ready for a model: token ids padded with the vocabulary's &lt;pad&gt; index,
/// the real length of each row, and the labels (0..3). Owns its tensors: dispose it (or create it
/// inside a DisposeScope) when the step is done.
/// </summary>
/// <param name="Tokens">[B, T] int64, rows padded at the end with <c>Vocabulary.Pad</c>.</param>
/// <param name="Lengths">[B] int64, the number of real tokens per row (at least 1).</param>
/// <param name="Labels">[B] int64, class index 0..3.</param>
/// <param name="Indices">Which examples of the split these rows are (for looking up headlines later).</param>
public sealed record Batch(Tensor Tokens, Tensor Lengths, Tensor Labels, int[] Indices) : IDisposable
{
    public int Size => (int)Tokens.shape[0];
    public int Steps => (int)Tokens.shape[1];

    public void Dispose()
    {
        Tokens.Dispose();
        Lengths.Dispose();
        Labels.Dispose();
    }
}
