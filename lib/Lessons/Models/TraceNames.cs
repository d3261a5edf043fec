using static Lessons.Localization.KitLanguage;

namespace Lessons.Models;

/// <summary>
/// The names a <see cref="CellTrace"/> gives its gates and its direction, in the kit's language: the LSTM's forget
/// gate is "forget" in English and "unutma" in Turkish, the backward direction "backward" and "geri". A notebook reads
/// a gate by the name its language gives it: <c>trace.Gates["forget"]</c>.
/// </summary>
internal static class TraceNames
{
    /// <summary>The gates in the order charts and tables show them: forget, input, output (LSTM), reset, update (GRU).</summary>
    static readonly string[] Ordered = ["forget", "input", "output", "reset", "update"];

    /// <summary>The name of the cell's gate <paramref name="gate"/> (its name in the cell's code: forget, input, output,
    /// candidate, cell, reset, update).</summary>
    internal static string Gate(string gate) => Words.Text(gate switch
    {
        "forget" => "gate.forget",
        "input" => "gate.input",
        "output" => "gate.output",
        "candidate" => "gate.candidate",
        "cell" => "gate.cell",
        "reset" => "gate.reset",
        "update" => "gate.update",
        _ => throw new ArgumentException($"A cell has no gate \"{gate}\".", nameof(gate)),
    });

    /// <summary>The name of the direction a cell read in.</summary>
    internal static string Direction(bool backward) => Words.Text(backward ? "direction.backward" : "direction.forward");

    /// <summary>Whether the trace's <paramref name="shown"/> is a gate in [0, 1] (not the candidate, not the cell state).</summary>
    internal static bool IsGate(string shown) => shown != Gate("candidate") && shown != Gate("cell");

    /// <summary>Where the gate named <paramref name="shown"/> goes among the gates: forget, input, output, reset,
    /// update, then any other.</summary>
    internal static int Order(string shown) =>
        Array.FindIndex(Ordered, gate => Gate(gate) == shown) is var index and >= 0 ? index : Ordered.Length;
}
