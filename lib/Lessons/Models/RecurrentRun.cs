using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// What the classifier's recurrent layer produced for a batch, before the readout.
/// </summary>
/// <param name="Output">[B, T, directions x hidden]: the top layer's state at every step, forward and backward halves
/// side by side. In packed mode the padding steps are zero; in padded mode they hold whatever the layer computed there.</param>
/// <param name="HiddenN">[layers x directions, B, hidden]: each layer's and direction's last state, rows in batch order.
/// Packed: the state after each row's real tokens. Padded: the state after the whole padded row.</param>
/// <param name="CellN">The LSTM's last cell states, same layout as <paramref name="HiddenN"/>; null for RNN and GRU.</param>
public sealed record RecurrentRun(Tensor Output, Tensor HiddenN, Tensor? CellN);
