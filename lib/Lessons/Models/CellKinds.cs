namespace Lessons.Models;

/// <summary>Names of the recurrent kinds as a user types them (CLI options, notebook parameters).</summary>
public static class CellKinds
{
    /// <summary>The lower-case name: "rnn", "lstm" or "gru".</summary>
    public static string Name(CellKind kind) => kind switch
    {
        CellKind.Rnn => "rnn",
        CellKind.Lstm => "lstm",
        CellKind.Gru => "gru",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };

    /// <summary>Reads "rnn", "lstm" or "gru" (any case, surrounding spaces ignored); anything else is a clear error.</summary>
    public static CellKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "rnn" => CellKind.Rnn,
            "lstm" => CellKind.Lstm,
            "gru" => CellKind.Gru,
            _ => throw new ArgumentException($"unknown model '{name}': use rnn, lstm or gru", nameof(name)),
        };
    }

    /// <summary>How many gate blocks the built-in layer stacks in its weights (1 for RNN, 4 for LSTM, 3 for GRU).</summary>
    public static int GateBlocks(CellKind kind) => kind switch
    {
        CellKind.Rnn => 1,
        CellKind.Lstm => 4,
        CellKind.Gru => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };
}
