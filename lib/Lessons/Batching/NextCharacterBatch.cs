using Lessons.Text;
using static TorchSharp.torch;

namespace Lessons.Batching;

/// <summary>
/// Headlines cut into next-character pairs for a language model: each row reads <see cref="CharVocabulary.Start"/>
/// and the headline's characters (<see cref="Inputs"/>, [B, T]) and must predict, at every step, the character that
/// follows, and <see cref="CharVocabulary.End"/> after the last (<see cref="Targets"/>, [B, T]). T is the longest
/// headline's length + 1; a shorter row is padded with End in the inputs and <see cref="Ignored"/> in the targets, which
/// cross-entropy skips.
/// </summary>
public sealed record NextCharacterBatch(Tensor Inputs, Tensor Targets)
{
    /// <summary>The target of a padding step: cross-entropy's default ignore_index.</summary>
    public const long Ignored = -100;

    /// <summary>The batch of the headlines (character ids, see <see cref="CharVocabulary.Encode"/>) at <paramref name="indices"/>.</summary>
    public static NextCharacterBatch Build(IReadOnlyList<int[]> headlines, IReadOnlyList<int> indices)
    {
        ArgumentOutOfRangeException.ThrowIfZero(indices.Count);
        int steps = indices.Max(i => headlines[i].Length) + 1;
        var inputs = new long[indices.Count, steps];
        var targets = new long[indices.Count, steps];
        for (int row = 0; row < indices.Count; row++)
        {
            int[] text = headlines[indices[row]];
            for (int t = 0; t < steps; t++)
            {
                inputs[row, t] = t == 0 ? CharVocabulary.Start : t <= text.Length ? text[t - 1] : CharVocabulary.End;
                targets[row, t] = t < text.Length ? text[t] : t == text.Length ? CharVocabulary.End : Ignored;
            }
        }
        return new(tensor(inputs), tensor(targets));
    }

    /// <summary>How many characters (End included) the batch asks the model to predict: its targets that are not padding.</summary>
    public long Predictions => Targets.ne(Ignored).sum().item<long>();
}
