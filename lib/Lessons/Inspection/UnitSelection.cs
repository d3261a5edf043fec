using System.Text.RegularExpressions;
using Lessons.Models;

namespace Lessons.Inspection;

/// <summary>A token and a unit's mean activation on it, over the traces where it occurs.</summary>
public sealed record TokenActivation(string Token, double Mean, int Count);

/// <summary>
/// A hidden unit ranked by how much more it fires on the selected tokens than elsewhere, with the tokens on which
/// it fires most over the whole set, among those seen at least <see cref="MinCount"/> times (a mean over one or two
/// occurrences says little and lets rare words crowd out the ones the unit really tracks).
/// </summary>
public sealed record SelectedUnit(int Unit, double MeanOnSelection, double MeanElsewhere, IReadOnlyList<TokenActivation> TopTokens, int MinCount)
{
    /// <summary>MeanOnSelection − MeanElsewhere: how specific the unit is to the selection.</summary>
    public double Score => MeanOnSelection - MeanElsewhere;
}

/// <summary>
/// LSTMVis-style "select" (Strobelt et al. 2016): mark the steps where a token or pattern occurs, and find the
/// hidden units that are high there and low elsewhere.
/// </summary>
public static class UnitSelection
{
    /// <summary>How often a token must occur before its mean activation counts (for the selection and for top tokens).</summary>
    public const int DefaultMinCount = 5;

    /// <summary>Units firing on <paramref name="token"/> (compared ignoring case).</summary>
    public static IReadOnlyList<SelectedUnit> FiringOn(IEnumerable<CellTrace> traces, string token, int top = 10, int topTokens = 5,
        int minCount = DefaultMinCount) =>
        FiringOn(traces, t => string.Equals(t, token, StringComparison.OrdinalIgnoreCase), top, topTokens, minCount);

    /// <summary>Units firing on tokens that match <paramref name="pattern"/>.</summary>
    public static IReadOnlyList<SelectedUnit> FiringOn(IEnumerable<CellTrace> traces, Regex pattern, int top = 10, int topTokens = 5,
        int minCount = DefaultMinCount) =>
        FiringOn(traces, pattern.IsMatch, top, topTokens, minCount);

    /// <summary>
    /// The <paramref name="top"/> units with the largest MeanOnSelection − MeanElsewhere over all steps of all
    /// traces, where a step is selected when <paramref name="selects"/> says so of its token; each with its
    /// <paramref name="topTokens"/> tokens of highest mean activation among the tokens seen at least
    /// <paramref name="minCount"/> times. The selection itself must occur at least <paramref name="minCount"/> times.
    /// </summary>
    public static IReadOnlyList<SelectedUnit> FiringOn(IEnumerable<CellTrace> traces, Func<string, bool> selects, int top = 10, int topTokens = 5,
        int minCount = DefaultMinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var list = traces.ToList();
        if (list.Count == 0) throw new ArgumentException("No traces to select from.", nameof(traces));
        int units = list[0].Hidden.GetLength(1);
        var onSum = new double[units];
        var offSum = new double[units];
        long on = 0, off = 0;
        var perToken = new Dictionary<string, (double[] Sum, int Count)>();

        foreach (var trace in list)
        {
            if (trace.Hidden.GetLength(1) != units)
                throw new ArgumentException($"Traces disagree on the hidden size: {units} and {trace.Hidden.GetLength(1)}.", nameof(traces));
            if (trace.Hidden.GetLength(0) != trace.Tokens.Count)
                throw new ArgumentException($"A trace has {trace.Tokens.Count} tokens but {trace.Hidden.GetLength(0)} hidden steps.", nameof(traces));
            for (int t = 0; t < trace.Tokens.Count; t++)
            {
                string token = trace.Tokens[t];
                bool selected = selects(token);
                var sums = selected ? onSum : offSum;
                if (selected) on++; else off++;
                if (!perToken.TryGetValue(token, out var entry)) entry = (new double[units], 0);
                for (int u = 0; u < units; u++)
                {
                    sums[u] += trace.Hidden[t, u];
                    entry.Sum[u] += trace.Hidden[t, u];
                }
                perToken[token] = (entry.Sum, entry.Count + 1);
            }
        }
        if (on == 0) throw new ArgumentException("No step of the traces matches the selection.", nameof(selects));
        if (on < minCount)
            throw new ArgumentException(
                $"The selection occurs {on} time{(on == 1 ? "" : "s")} in these traces, fewer than minCount = {minCount}: " +
                "trace more headlines, choose a more frequent word, or lower minCount.", nameof(selects));

        var frequent = perToken.Where(kv => kv.Value.Count >= minCount).ToList();
        return Enumerable.Range(0, units)
            .Select(u => new SelectedUnit(u, onSum[u] / on, off == 0 ? 0 : offSum[u] / off,
                frequent.Select(kv => new TokenActivation(kv.Key, kv.Value.Sum[u] / kv.Value.Count, kv.Value.Count))
                    .OrderByDescending(a => a.Mean).ThenBy(a => a.Token, StringComparer.Ordinal)
                    .Take(topTokens).ToList(), minCount))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Unit)
            .Take(top)
            .ToList();
    }
}
