using System.Text.Json;
using Plotly.NET;

namespace Lessons.Tests.Charts;

/// <summary>A chart as plotly.js receives it: the figure JSON that Plotly.NET writes into the page.</summary>
internal sealed class ChartJson
{
    readonly JsonElement root;

    public ChartJson(GenericChart chart) => root = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    public JsonElement Layout => root.GetProperty("layout");
    public JsonElement Data => root.GetProperty("data");
    public IReadOnlyList<JsonElement> Traces => root.GetProperty("data").EnumerateArray().ToList();
    public IReadOnlyList<JsonElement> TracesOfType(string type) =>
        Traces.Where(t => t.GetProperty("type").GetString() == type).ToList();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
    public static double?[] NullableNumbers(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble()).ToArray();
    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
    public static double[][] Matrix(JsonElement array) => array.EnumerateArray().Select(Numbers).ToArray();
}
