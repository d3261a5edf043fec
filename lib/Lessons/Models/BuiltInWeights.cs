using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// One layer and direction of a built-in nn.RNN / nn.LSTM / nn.GRU, in PyTorch's layout: the gate blocks stacked
/// along the first dimension (LSTM: input, forget, candidate, output; GRU: reset, update, candidate).
/// </summary>
public sealed record BuiltInWeights(Tensor WeightIh, Tensor WeightHh, Tensor BiasIh, Tensor BiasHh)
{
    /// <summary>Finds weight_ih_l{layer}[_reverse] and friends among the layer's parameters.</summary>
    public static BuiltInWeights Of(TorchSharp.torch.nn.Module layer, int index = 0, bool reverse = false)
    {
        var named = layer.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        string suffix = $"_l{index}{(reverse ? "_reverse" : "")}";
        Tensor Find(string name) => named.TryGetValue(name + suffix, out var p)
            ? p
            : throw new ArgumentException(
                $"the recurrent layer has no parameter {name + suffix} (it has {string.Join(", ", named.Keys)}): " +
                $"check the layer index ({index}) and whether the layer is bidirectional.");
        return new BuiltInWeights(Find("weight_ih"), Find("weight_hh"), Find("bias_ih"), Find("bias_hh"));
    }

    /// <summary>The gradients of the same four tensors (null where no gradient was computed).</summary>
    public (Tensor? WeightIh, Tensor? WeightHh, Tensor? BiasIh, Tensor? BiasHh) Gradients =>
        (WeightIh.grad, WeightHh.grad, BiasIh.grad, BiasHh.grad);
}
