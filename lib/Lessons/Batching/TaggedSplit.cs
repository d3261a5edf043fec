using Lessons.Text;
using static TorchSharp.torch;

namespace Lessons.Batching;

/// <summary>
/// One split of a tagging task: each text as vocabulary ids, its tag per token, and for each token how far to its
/// right the word that decides its tag lies (0 when none does). <c>Tags[i][t]</c> is the tag of token t of text i.
/// </summary>
public sealed record TaggedSplit(EncodedExample[] Examples, int[][] Tags, int[][] Distances)
{
    /// <summary>The tag of a padding cell in <see cref="Batch"/>: cross-entropy's default <c>ignore_index</c>, so the
    /// loss leaves padding out.</summary>
    public const long Padding = -100;

    /// <summary>How many tokens the split tags.</summary>
    public int TokenCount => Tags.Sum(t => t.Length);

    /// <summary>The share of the tokens that carry the most common tag: the accuracy of always answering it.</summary>
    public double MajorityShare => (double)Tags.SelectMany(t => t).CountBy(tag => tag).Max(c => c.Value) / TokenCount;

    /// <summary>
    /// The texts <paramref name="indices"/> as one batch: tokens [B, T] padded with &lt;pad&gt;, the lengths [B] and
    /// the tags [B, T] padded with <see cref="Padding"/>. Create it inside a DisposeScope.
    /// </summary>
    public (Tensor Tokens, Tensor Lengths, Tensor Tags) Batch(int[] indices)
    {
        var batch = BatchBuilder.Build(Examples, indices, pad: Vocabulary.Pad);
        batch.Labels.Dispose();
        int steps = batch.Steps;
        var tags = new long[indices.Length * steps];
        Array.Fill(tags, Padding);
        for (int r = 0; r < indices.Length; r++)
        {
            var row = Tags[indices[r]];
            for (int t = 0; t < row.Length; t++) tags[r * steps + t] = row[t];
        }
        return (batch.Tokens, batch.Lengths, tensor(tags, [indices.Length, steps], ScalarType.Int64));
    }
}
