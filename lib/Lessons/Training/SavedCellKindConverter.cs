using System.Text.Json;
using System.Text.Json.Serialization;
using Lessons.Models;

namespace Lessons.Training;

/// <summary>
/// Reads a checkpoint's cell kind, including the "BagOfWords" that checkpoints saved before <see cref="CellKind"/> held
/// only cells wrote for the bag of words. A bag of words has no cell, so it is read as <see cref="CellKind.Lstm"/> (the
/// cell a bag of words' options carry today); the checkpoint's architecture says it is a bag of words. Every other
/// value reads and writes as <see cref="HistoryJson"/> does.
/// </summary>
sealed class SavedCellKindConverter : JsonConverter<CellKind>
{
    const string SavedBagOfWords = "BagOfWords";

    public override CellKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(SavedBagOfWords) ? CellKind.Lstm
            : JsonSerializer.Deserialize<CellKind>(ref reader, HistoryJson.Options);

    public override void Write(Utf8JsonWriter writer, CellKind value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, HistoryJson.Options);
}
