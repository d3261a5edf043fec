using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The simple (Elman) recurrent cell: h' = tanh(x @ W + h @ H + b), with W [input x hidden], H [hidden x hidden],
/// and the bias kept as PyTorch keeps it, b = b_ih + b_hh, so nn.RNN's weights copy in one to one.
/// </summary>
public sealed class RnnCell : RecurrentCell
{
    readonly GateBlock block;

    public RnnCell(int inputSize, int hiddenSize, Generator? generator = null) : base(nameof(RnnCell), CellKind.Rnn, inputSize, hiddenSize)
    {
        block = NewGate("hidden", "h", generator);
    }

    /// <summary>W [input x hidden]: how the current token moves the state.</summary>
    public Parameter W => block.InputWeight;

    /// <summary>H [hidden x hidden]: how the previous state moves the state.</summary>
    public Parameter H => block.HiddenWeight;

    public Parameter BiasIh => block.InputBias;
    public Parameter BiasHh => block.HiddenBias;

    public override IReadOnlyList<string> GateNames => [];
    public override IReadOnlyList<GateBlock> BuiltInOrder => [block];

    public override CellStep Step(Tensor x, CellState state)
    {
        var h = tanh(x.matmul(W) + BiasIh + state.H.matmul(H) + BiasHh);
        return new CellStep(new CellState(h), new Dictionary<string, Tensor>());
    }
}
