using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>The embedding's starting weights: N(0, std) with the padding row zero (PyTorch's own start is std 1).</summary>
internal static class EmbeddingInit
{
    /// <summary>Redraws <paramref name="embedding"/> from N(0, std) unless std is 1 (PyTorch's default, left as drawn).</summary>
    public static void Apply(Embedding embedding, double std, int padIndex)
    {
        if (std == 1.0) return;
        using var noGrad = no_grad();
        embedding.weight!.normal_(0, std);
        embedding.weight[padIndex].zero_();
    }
}
