using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lessons.Runner;

/// <summary>
/// The one reader and writer of a notebook's JSON that the runner, the student edition and the edition sync share.
/// Reading checks that the document is an nbformat-4 notebook in what the kit relies on (a "cells" list of objects,
/// each with a string "cell_type", its "source" a string or a list of strings, its tags a list of strings), so a
/// damaged or older notebook is refused by name, in one line, before anything is written.
/// </summary>
public static class NotebookJson
{
    static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The notebook in <paramref name="json"/>, checked; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">"NAME: not an nbformat-4 notebook: WHY." (or not JSON at all).</exception>
    public static JsonObject Parse(string json, string name)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not a readable .ipynb notebook: {e.Message}", e);
        }
        if (root is not JsonObject notebook) throw NotNotebook(name, "the file holds no JSON object");
        if (Problem(notebook) is { } problem) throw NotNotebook(name, problem);
        return notebook;
    }

    /// <summary>The checked notebook in the file at <paramref name="path"/>, named by its path in errors.</summary>
    public static JsonObject Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The cells of a notebook returned by <see cref="Parse"/>.</summary>
    public static List<JsonObject> Cells(JsonObject notebook) => [.. notebook["cells"]!.AsArray().Cast<JsonObject>()];

    /// <summary>A notebook as the kit writes it: indented by one, UTF-8 as it is, "\n" line ends, a final newline.</summary>
    public static string Write(JsonNode notebook) => notebook.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";

    static InvalidDataException NotNotebook(string name, string why) =>
        new($"{name}: not an nbformat-4 notebook: {why}.");

    static string? Problem(JsonObject notebook)
    {
        if (notebook["nbformat"] is not JsonValue format || !format.TryGetValue(out int version))
            return notebook.ContainsKey("worksheets") ? "it has \"worksheets\" and no \"nbformat\" number" : "it has no \"nbformat\" number";
        if (version != 4)
            return $"its nbformat is {version}" + (version < 4 ? " (open it in Jupyter and save it to convert it)" : "");
        if (notebook["cells"] is not JsonArray cells)
            return notebook["cells"] is null ? "it has no \"cells\" list" : $"its \"cells\" is {Kind(notebook["cells"])}, not a list";
        for (int i = 0; i < cells.Count; i++)
        {
            string cell = $"cell {i + 1}";
            if (cells[i] is not JsonObject c) return $"{cell} is {Kind(cells[i])}, not an object";
            if (!IsString(c["cell_type"])) return $"{cell}'s \"cell_type\" is {Kind(c["cell_type"])}, not a string";
            if (!IsText(c["source"])) return $"{cell}'s \"source\" is {Kind(c["source"])}, not a string or a list of strings";
            if (c["metadata"] is { } metadata and not JsonObject) return $"{cell}'s \"metadata\" is {Kind(metadata)}, not an object";
            if (c["metadata"]?["tags"] is { } tags && !(tags is JsonArray list && list.All(IsString)))
                return $"{cell}'s tags are {Kind(tags)}, not a list of strings";
        }
        return null;
    }

    static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    static bool IsText(JsonNode? node) => node is null || IsString(node) || node is JsonArray lines && lines.All(IsString);

    static string Kind(JsonNode? node) => node switch
    {
        null => "missing",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Null => "null",
            _ => "true or false",
        },
    };
}
