namespace Lessons.Models;

/// <summary>
/// Names of the model kinds as a user types them (CLI options, notebook parameters): the one parser and the one
/// list of names. A model's display name is <see cref="ClassifierOptions.Name"/>.
/// </summary>
public static class CellKinds
{
    /// <summary>Every kind's typed name, in the order help texts list them: rnn, lstm, gru, bow.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<CellKind>().Select(Name)];

    /// <summary>The kinds with a recurrent cell: RNN, LSTM and GRU (every kind but the bag of words).</summary>
    public static IReadOnlyList<CellKind> Recurrent { get; } = [CellKind.Rnn, CellKind.Lstm, CellKind.Gru];

    /// <summary>The lower-case name: "rnn", "lstm", "gru" or "bow".</summary>
    public static string Name(CellKind kind) => kind switch
    {
        CellKind.Rnn => "rnn",
        CellKind.Lstm => "lstm",
        CellKind.Gru => "gru",
        CellKind.BagOfWords => "bow",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };

    /// <summary>Reads a kind's name (any case, surrounding spaces ignored); false for anything else.</summary>
    public static bool TryParse(string? name, out CellKind kind)
    {
        string typed = name?.Trim().ToLowerInvariant() ?? "";
        foreach (var candidate in Enum.GetValues<CellKind>())
        {
            if (Name(candidate) != typed) continue;
            kind = candidate;
            return true;
        }
        kind = default;
        return false;
    }

    /// <summary>Reads a kind's name like <see cref="TryParse"/>; anything else is a clear error.</summary>
    public static CellKind Parse(string name) => TryParse(name, out var kind) ? kind
        : throw new ArgumentException($"unknown model '{name}': use {string.Join(", ", Names)}", nameof(name));

    /// <summary>How many gate blocks the built-in layer stacks in its weights (1 for RNN, 4 for LSTM, 3 for GRU).</summary>
    public static int GateBlocks(CellKind kind) => kind switch
    {
        CellKind.Rnn => 1,
        CellKind.Lstm => 4,
        CellKind.Gru => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown cell kind"),
    };
}
