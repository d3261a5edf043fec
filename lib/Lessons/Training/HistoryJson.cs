using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lessons.Training;

/// <summary>
/// <see cref="History"/> as JSON and back (for checkpoints, `lessons train --json` and notebooks):
/// the confusion matrix as an array of rows, the hits (which examples were right) as a string of 0s and 1s, computed properties (Chosen, Last, Total...) left out. A diverged run's
/// NaN and infinite numbers are written as the strings "NaN", "Infinity" and "-Infinity" and read back as numbers, so
/// its history is kept rather than lost to a serialization error.
/// </summary>
public static class HistoryJson
{
    internal static JsonSerializerOptions Options { get; } = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new ConfusionMatrixConverter());
        options.Converters.Add(new HistoryConverter());
        options.Converters.Add(new ExampleHitsConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    static readonly JsonSerializerOptions OneLine = new(Options) { WriteIndented = false };

    /// <summary>The history as JSON, indented, or on one line (`lessons train --json`).</summary>
    public static string Serialize(History history, bool indented = true) =>
        JsonSerializer.Serialize(history, indented ? Options : OneLine);

    /// <summary>Reads a history back; a damaged one (an epoch without its numbers, a chosen epoch it lacks) is a <see cref="JsonException"/>.</summary>
    public static History Deserialize(string json)
    {
        var history = JsonSerializer.Deserialize<History>(json, Options) ?? throw new JsonException("The JSON holds no history.");
        return history.Damage() is { } damage ? throw new JsonException(damage) : history;
    }

    sealed class HistoryConverter : JsonConverter<History>
    {
        sealed record Shape(string Name, long Parameters, List<EpochMetrics> Epochs, int ChosenEpoch);

        public override History Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("history is null");
            return new History(shape.Name, shape.Parameters, shape.Epochs ?? [], shape.ChosenEpoch);
        }

        public override void Write(Utf8JsonWriter writer, History value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Shape(value.Name, value.Parameters, [.. value.Epochs], value.ChosenEpoch), options);
    }

    sealed class ExampleHitsConverter : JsonConverter<ExampleHits>
    {
        public override ExampleHits Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (reader.TokenType == JsonTokenType.String ? ExampleHits.Parse(reader.GetString()!) : null) ??
            throw new JsonException("The hits of an evaluation are a string of 0s and 1s.");

        public override void Write(Utf8JsonWriter writer, ExampleHits value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    sealed class ConfusionMatrixConverter : JsonConverter<ConfusionMatrix>
    {
        sealed record Shape(List<string> Classes, long[][] Counts);

        public override ConfusionMatrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("confusion matrix is null");
            if (shape.Classes is null || shape.Counts is null || shape.Counts.Any(r => r is null))
                throw new JsonException("A confusion matrix needs its classes and rows of counts.");
            int k = shape.Classes.Count;
            if (shape.Counts.Length != k || shape.Counts.Any(r => r.Length != k))
                throw new JsonException($"A confusion matrix over {k} classes needs {k} rows of {k} counts.");
            var counts = new long[k, k];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) counts[i, j] = shape.Counts[i][j];
            return new ConfusionMatrix(shape.Classes, counts);
        }

        public override void Write(Utf8JsonWriter writer, ConfusionMatrix value, JsonSerializerOptions options)
        {
            int k = value.Classes.Count;
            var rows = Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Select(j => value.Counts[i, j]).ToArray()).ToArray();
            JsonSerializer.Serialize(writer, new Shape([.. value.Classes], rows), options);
        }
    }
}
