namespace Lessons.Models;

/// <summary>What computes a classifier's recurrent layer (<see cref="ClassifierOptions.Engine"/>).</summary>
public enum RecurrentEngine
{
    /// <summary>
    /// The kit's kernels where they compute the layer exactly and beat LibTorch (on the CPU: GRU and RNN, packed or
    /// padded, and the packed LSTM); LibTorch otherwise (the padded LSTM, which LibTorch hands to oneDNN; any GPU).
    /// </summary>
    Auto,
    /// <summary>The kit's kernels for every layer they can compute exactly; an error for any other.</summary>
    Kit,
    /// <summary>LibTorch's own layers (<c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.RNN</c>) always: to see what the kernels save.</summary>
    LibTorch,
}
