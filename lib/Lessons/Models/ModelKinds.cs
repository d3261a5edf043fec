namespace Lessons.Models;

/// <summary>
/// Names of the models as a user types them (CLI options): the one parser and the one list of names. A model's
/// display name is <see cref="ClassifierOptions.Name"/>.
/// </summary>
public static class ModelKinds
{
    /// <summary>Every model's typed name, in the order help texts list them: rnn, lstm, gru, bow.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ModelKind>().Select(Name)];

    /// <summary>The lower-case name: the cell's ("rnn", "lstm", "gru") or "bow".</summary>
    public static string Name(ModelKind kind) => Cell(kind) is { } cell ? CellKinds.Name(cell)
        : kind == ModelKind.BagOfWords ? "bow"
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind");

    /// <summary>The cell the model reads with; null for the bag of words, which has none.</summary>
    public static CellKind? Cell(ModelKind kind) => kind switch
    {
        ModelKind.Rnn => CellKind.Rnn,
        ModelKind.Lstm => CellKind.Lstm,
        ModelKind.Gru => CellKind.Gru,
        _ => null,
    };

    /// <summary>Reads a model's name (any case, surrounding spaces ignored); false for anything else.</summary>
    public static bool TryParse(string? name, out ModelKind kind)
    {
        string typed = name?.Trim().ToLowerInvariant() ?? "";
        foreach (var candidate in Enum.GetValues<ModelKind>())
        {
            if (Name(candidate) != typed) continue;
            kind = candidate;
            return true;
        }
        kind = default;
        return false;
    }

    /// <summary>Reads a model's name like <see cref="TryParse"/>; anything else is a clear error.</summary>
    public static ModelKind Parse(string name) => TryParse(name, out var kind) ? kind
        : throw new ArgumentException($"unknown model '{name}': use {string.Join(", ", Names)}", nameof(name));
}
