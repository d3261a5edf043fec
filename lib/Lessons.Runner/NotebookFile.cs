using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lessons.Runtime;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lessons.Runner;

/// <summary>Reads and writes .ipynb files with .NET Interactive's document model (C# code cells, markdown cells).</summary>
public static class NotebookFile
{
    public const string Markdown = "markdown";
    const string KernelInfoKey = "kernelInfo";

    /// <summary>The kernels a kit notebook names: C# (with the aliases VS Code and Jupyter use) and markdown.</summary>
    public static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo(InteractiveKernel.CSharp, "C#", ["c#", "C#", "cs"]),
            new KernelInfo(Markdown, "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = InteractiveKernel.CSharp;
        return kernels;
    }

    /// <summary>The notebook at <paramref name="path"/>, checked by <see cref="NotebookJson"/>.</summary>
    /// <exception cref="InvalidDataException">Not an nbformat-4 notebook, or not JSON: one line naming the file.</exception>
    public static InteractiveDocument Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such notebook.", path);
        string json = File.ReadAllText(path);
        NotebookJson.Parse(json, path);
        try
        {
            return Notebook.Parse(json, Kernels());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a readable .ipynb notebook: {e.Message}", e);
        }
    }

    /// <summary>Writes the notebook as .ipynb (UTF-8, no BOM, "\n" line ends), all or nothing (<see cref="AtomicFile"/>).</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        bool hadKernelInfo = document.Metadata.ContainsKey(KernelInfoKey);
        using var buffer = new MemoryStream();
        Notebook.Write(document, buffer, Kernels());
        string json = Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n");
        if (!hadKernelInfo) json = WithoutTopLevelKernelInfo(json);
        WriteJson(path, json.EndsWith('\n') ? json : json + "\n");
    }

    /// <summary>
    /// The writer adds its kernel list as top-level metadata "kernelInfo" (with a null default kernel); VS Code keeps
    /// that list in "polyglot_notebook" and Jupyter needs none, so it is dropped unless the notebook had it already.
    /// </summary>
    static string WithoutTopLevelKernelInfo(string json)
    {
        var notebook = JsonNode.Parse(json)!.AsObject();
        return notebook["metadata"] is JsonObject metadata && metadata.Remove(KernelInfoKey) ? NotebookJson.Write(notebook) : json;
    }

    /// <summary>Writes a notebook's JSON text to <paramref name="path"/>, all or nothing (<see cref="AtomicFile"/>).</summary>
    public static void WriteJson(string path, string json) => AtomicFile.WriteText(path, json);

    /// <summary>A cell to execute: not markdown (or another non-code kernel), not blank.</summary>
    public static bool IsCode(InteractiveDocumentElement cell) =>
        cell.KernelName is not (Markdown or "md" or "raw") && !string.IsNullOrWhiteSpace(cell.Contents);
}
