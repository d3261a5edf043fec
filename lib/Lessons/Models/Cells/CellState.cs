using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>What a cell carries from one step to the next: the hidden state H [B, hidden], and for an LSTM the cell state C.</summary>
public sealed record CellState(Tensor H, Tensor? C = null);

/// <summary>One step of a cell: the new state and every gate's activation [B, hidden], keyed by gate name.</summary>
public sealed record CellStep(CellState State, IReadOnlyDictionary<string, Tensor> Gates);

/// <summary>
/// One gate block of a hand-written cell: x @ InputWeight + InputBias + h @ HiddenWeight + HiddenBias. The built-in
/// layer stores the same numbers transposed and stacked (weight_ih [gates x hidden, input]); two biases as PyTorch has.
/// </summary>
public sealed record GateBlock(string Name, TorchSharp.Modules.Parameter InputWeight, TorchSharp.Modules.Parameter HiddenWeight,
    TorchSharp.Modules.Parameter InputBias, TorchSharp.Modules.Parameter HiddenBias);
