namespace Lessons.Models;

/// <summary>
/// The cells' names and sizes. The names a user types to choose a model (a cell or "bow") are <see cref="ModelKinds"/>;
/// a model's display name is <see cref="ClassifierOptions.Name"/>.
/// </summary>
public static class CellKinds
{
    /// <summary>Every cell: RNN, LSTM and GRU.</summary>
    public static IReadOnlyList<CellKind> All { get; } = Enum.GetValues<CellKind>();

    /// <summary>The lower-case name: "rnn", "lstm" or "gru".</summary>
    public static string Name(CellKind kind) => kind switch
    {
        CellKind.Rnn => "rnn",
        CellKind.Lstm => "lstm",
        CellKind.Gru => "gru",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };

    /// <summary>How many gate blocks the built-in layer stacks in its weights (1 for RNN, 4 for LSTM, 3 for GRU).</summary>
    public static int GateBlocks(CellKind kind) => kind switch
    {
        CellKind.Rnn => 1,
        CellKind.Lstm => 4,
        CellKind.Gru => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };
}
