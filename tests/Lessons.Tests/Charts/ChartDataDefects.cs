using System.Text.Json;

namespace Lessons.Tests.Charts;

/// <summary>
/// What a reader would see as a broken chart, found in the figure JSON: a null in a trace's text or hovertext (plotly.js
/// prints it as "null" wherever the text is shown) and a heatmap row without a single value (a blank row).
/// </summary>
internal static class ChartDataDefects
{
    /// <summary>One line per defect of the traces in <paramref name="data"/> (plotly.js's "data" array); none if clean.</summary>
    public static IReadOnlyList<string> In(JsonElement data)
    {
        var defects = new List<string>();
        int index = 0;
        foreach (var trace in data.EnumerateArray())
        {
            string name = $"trace {index++} ({(trace.TryGetProperty("type", out var type) ? type.GetString() : "scatter")})";
            foreach (var key in new[] { "text", "hovertext" })
                if (trace.TryGetProperty(key, out var text))
                {
                    var nulls = NullPaths(text, key).ToList();
                    if (nulls.Count > 0)
                        defects.Add($"{name}: {nulls.Count} null {key} entr{(nulls.Count == 1 ? "y" : "ies")}, first {nulls[0]}");
                }
            if (type.ValueKind == JsonValueKind.String && type.GetString() == "heatmap" && trace.TryGetProperty("z", out var z))
            {
                var blank = z.EnumerateArray().Select((row, r) => (row, r))
                    .Where(x => x.row.ValueKind == JsonValueKind.Array && x.row.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Null))
                    .Select(x => x.r).ToList();
                if (blank.Count > 0) defects.Add($"{name}: {blank.Count} heatmap row(s) without a value (rows {string.Join(", ", blank)})");
            }
        }
        return defects;
    }

    static IEnumerable<string> NullPaths(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Null => [path],
        JsonValueKind.Array => value.EnumerateArray().SelectMany((item, i) => NullPaths(item, $"{path}[{i}]")),
        _ => [],
    };
}
