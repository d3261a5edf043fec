using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// A copy of a model's weights (its state dict), held outside every DisposeScope until disposed: what the weight
/// policies keep between epochs.
/// </summary>
sealed class WeightSnapshot : IDisposable
{
    readonly Dictionary<string, Tensor> weights;

    WeightSnapshot(Dictionary<string, Tensor> weights) => this.weights = weights;

    public static WeightSnapshot Of(nn.Module model)
    {
        using var noGrad = no_grad();
        return new(model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope()));
    }

    /// <summary>Folds the model's current weights into a running mean that already holds <paramref name="count"/> - 1 snapshots.</summary>
    public void FoldIn(nn.Module model, int count)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (key, value) in model.state_dict())
            if (value.is_floating_point()) weights[key].add_(value.detach().sub(weights[key]), alpha: 1.0 / count);
    }

    /// <summary>Puts these weights back into the model, in place.</summary>
    public void CopyInto(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var (key, value) in model.state_dict()) value.copy_(weights[key]);
    }

    public void Dispose()
    {
        foreach (var t in weights.Values) t.Dispose();
        weights.Clear();
    }
}
