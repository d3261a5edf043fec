using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The gated recurrent unit: a reset gate r decides how much of the old state the candidate may look at, an update
/// gate z how much of the old state to keep:
/// <code>
/// r = σ(x W_xr + b_xr + h W_hr + b_hr)              reset gate
/// z = σ(x W_xz + b_xz + h W_hz + b_hz)              update gate
/// n = tanh(x W_xn + b_xn + r ⊙ (h W_hn + b_hn))     candidate
/// h' = (1 - z) ⊙ n + z ⊙ h
/// </code>
/// The two biases of the candidate are not interchangeable (b_hn sits inside the reset), which is why the cells keep
/// PyTorch's pair of biases; nn.GRU's weights copy in one to one.
/// </summary>
public sealed class GruCell : RecurrentCell
{
    readonly GateBlock reset, update, candidate;

    public GruCell(int inputSize, int hiddenSize, Generator? generator = null) : base(nameof(GruCell), CellKind.Gru, inputSize, hiddenSize)
    {
        // The order nn.GRU stacks its blocks in: reset, update, candidate (n).
        reset = NewGate("reset", "r", generator);
        update = NewGate("update", "z", generator);
        candidate = NewGate("candidate", "n", generator);
    }

    public override IReadOnlyList<string> GateNames => ["reset", "update", "candidate"];
    public override IReadOnlyList<GateBlock> BuiltInOrder => [reset, update, candidate];

    public override CellStep Step(Tensor x, CellState state)
    {
        var h = state.H;

        var r = sigmoid(FromInput(reset, x) + FromHidden(reset, h));
        var z = sigmoid(FromInput(update, x) + FromHidden(update, h));
        var n = tanh(FromInput(candidate, x) + r * FromHidden(candidate, h));

        var hNext = (1 - z) * n + z * h;

        var gates = new Dictionary<string, Tensor> { ["reset"] = r, ["update"] = z, ["candidate"] = n };
        return new CellStep(new CellState(hNext), gates);
    }

    static Tensor FromInput(GateBlock gate, Tensor x) => x.matmul(gate.InputWeight) + gate.InputBias;
    static Tensor FromHidden(GateBlock gate, Tensor h) => h.matmul(gate.HiddenWeight) + gate.HiddenBias;
}
