using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The long short-term memory cell. Three gates in (0, 1) decide, unit by unit, what the cell state c forgets,
/// what it takes in from the candidate, and how much of it shows as the hidden state h:
/// <code>
/// f = σ(x W_xf + h W_hf + b_f)      forget gate
/// i = σ(x W_xi + h W_hi + b_i)      input gate
/// o = σ(x W_xo + h W_ho + b_o)      output gate
/// g = tanh(x W_xc + h W_hc + b_c)   candidate
/// c' = f ⊙ c + i ⊙ g
/// h' = o ⊙ tanh(c')
/// </code>
/// Every b is PyTorch's pair b_x + b_h, so nn.LSTM's weights copy in one to one.
/// </summary>
public sealed class LstmCell : RecurrentCell
{
    readonly GateBlock input, forget, candidate, output;

    public LstmCell(int inputSize, int hiddenSize, Generator? generator = null) : base(nameof(LstmCell), CellKind.Lstm, inputSize, hiddenSize)
    {
        // The order nn.LSTM stacks its blocks in: input, forget, candidate (g), output.
        input = NewGate("input", "i", generator);
        forget = NewGate("forget", "f", generator);
        candidate = NewGate("candidate", "c", generator);
        output = NewGate("output", "o", generator);
    }

    public override IReadOnlyList<string> GateNames => ["forget", "input", "output", "candidate", "cell"];
    public override IReadOnlyList<GateBlock> BuiltInOrder => [input, forget, candidate, output];

    public override CellState Begin(long batch)
    {
        var device = input.InputWeight.device;
        return new CellState(zeros(batch, HiddenSize, device: device), zeros(batch, HiddenSize, device: device));
    }

    public override CellStep Step(Tensor x, CellState state)
    {
        var h = state.H;
        var c = state.C ?? throw new ArgumentException("an LSTM state needs its cell state C", nameof(state));

        var f = sigmoid(Affine(forget, x, h));
        var i = sigmoid(Affine(input, x, h));
        var o = sigmoid(Affine(output, x, h));
        var g = tanh(Affine(candidate, x, h));

        var cNext = f * c + i * g;
        var hNext = o * tanh(cNext);

        var gates = new Dictionary<string, Tensor> { ["forget"] = f, ["input"] = i, ["output"] = o, ["candidate"] = g, ["cell"] = cNext };
        return new CellStep(new CellState(hNext, cNext), gates);
    }

    static Tensor Affine(GateBlock gate, Tensor x, Tensor h) =>
        x.matmul(gate.InputWeight) + gate.InputBias + h.matmul(gate.HiddenWeight) + gate.HiddenBias;
}
