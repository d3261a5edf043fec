using Lessons.Models;

namespace Lessons.Inspection;

/// <summary>
/// One gate unit over many steps: the share of steps it was nearly shut (below 0.1) and nearly open (above 0.9).
/// Karpathy et al. call these "left-saturated" and "right-saturated".
/// </summary>
public sealed record GateUnitSaturation(string Gate, int Unit, double ShareShut, double ShareOpen, long Steps);

/// <summary>
/// How often each gate unit saturates, over a set of traces (Karpathy, Johnson, Fei-Fei 2015, "Visualizing and
/// Understanding Recurrent Networks", fig. 3). What a saturated gate means depends on the gate: a forget gate nearly
/// always open keeps the cell state (remembers), nearly always shut wipes it (forgets); an input gate nearly always
/// shut never writes; an output gate nearly always shut hides the cell from the hidden state. Units that are rarely
/// saturated either way switch with the input.
/// </summary>
public static class GateSaturation
{
    /// <summary>Below this a gate counts as closed.</summary>
    public const double Low = 0.1;

    /// <summary>Above this a gate counts as open.</summary>
    public const double High = 0.9;

    /// <summary>Gate names (sigmoid outputs in [0, 1]) in a trace, in order: the candidate and the cell state are not gates.</summary>
    public static IReadOnlyList<string> GatesOf(CellTrace trace) =>
        trace.Gates.Keys.Where(TraceNames.IsGate).OrderBy(TraceNames.Order).ToList();

    /// <summary>
    /// Saturation of every unit of every gate over all steps of all <paramref name="traces"/>; rows ordered by gate
    /// (forget, input, output / reset, update), then unit.
    /// </summary>
    public static IReadOnlyList<GateUnitSaturation> Measure(IEnumerable<CellTrace> traces)
    {
        var list = traces.ToList();
        if (list.Count == 0) throw new ArgumentException("No traces to measure.", nameof(traces));
        var gates = GatesOf(list[0]);
        if (gates.Count == 0)
            throw new ArgumentException($"A {list[0].Kind} trace has no gates; gate saturation needs LSTM or GRU traces.", nameof(traces));

        var result = new List<GateUnitSaturation>();
        foreach (var gate in gates)
        {
            int units = list[0].Gates[gate].GetLength(1);
            var low = new long[units];
            var high = new long[units];
            long steps = 0;
            foreach (var trace in list)
            {
                if (!trace.Gates.TryGetValue(gate, out var values))
                    throw new ArgumentException($"A trace has no \"{gate}\" gate (its gates: {string.Join(", ", trace.Gates.Keys)}).", nameof(traces));
                if (values.GetLength(1) != units)
                    throw new ArgumentException($"Traces disagree on the width of gate \"{gate}\": {units} and {values.GetLength(1)} units.", nameof(traces));
                int length = values.GetLength(0);
                for (int t = 0; t < length; t++)
                    for (int u = 0; u < units; u++)
                    {
                        float v = values[t, u];
                        if (v < Low) low[u]++;
                        else if (v > High) high[u]++;
                    }
                steps += length;
            }
            for (int u = 0; u < units; u++)
                result.Add(new GateUnitSaturation(gate, u,
                    steps == 0 ? 0 : (double)low[u] / steps, steps == 0 ? 0 : (double)high[u] / steps, steps));
        }
        return result;
    }
}
