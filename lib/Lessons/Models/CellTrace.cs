namespace Lessons.Models;

/// <summary>
/// What a hand-written cell did on one sequence, step by step: Hidden[t, unit] after reading token t,
/// and for LSTM/GRU each gate's activation per step (keys "forget", "input", "output", "candidate", "cell"
/// for LSTM; "reset", "update", "candidate" for GRU, as the kit's language names them: <see cref="TraceNames"/>).
/// For a bidirectional network there is one trace per direction ("forward", "backward", in the kit's language too);
/// the backward one is indexed by the original token position too.
/// </summary>
public sealed record CellTrace(
    CellKind Kind,
    string Direction,
    IReadOnlyList<string> Tokens,
    float[,] Hidden,
    IReadOnlyDictionary<string, float[,]> Gates);
