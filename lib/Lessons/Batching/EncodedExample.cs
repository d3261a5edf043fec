namespace Lessons.Batching;

/// <summary>
/// One headline as the model sees it: vocabulary ids (never empty) and its class (0..3).
/// A split is encoded once, before training; batches are cut from these arrays, never re-tokenized.
/// </summary>
public sealed record EncodedExample(int[] Tokens, int Label)
{
    public int Length => Tokens.Length;
}
