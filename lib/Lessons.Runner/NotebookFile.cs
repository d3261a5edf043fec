using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    public static InteractiveDocument Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such notebook.", path);
        try
        {
            using var stream = File.OpenRead(path);
            return Notebook.Read(stream, Kernels());
        }
        catch (Exception e) when (e is not FileNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a readable .ipynb notebook: {e.Message}", e);
        }
    }

    /// <summary>Writes the notebook as .ipynb (UTF-8, no BOM, "\n" line ends), via a temporary file so a failure loses nothing.</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        bool hadKernelInfo = document.Metadata.ContainsKey(KernelInfoKey);
        using var buffer = new MemoryStream();
        Notebook.Write(document, buffer, Kernels());
        string json = Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n");
        if (!hadKernelInfo) json = WithoutTopLevelKernelInfo(json);
        if (!json.EndsWith('\n')) json += "\n";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, json, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The writer adds its kernel list as top-level metadata "kernelInfo" (with a null default kernel); VS Code keeps
    /// that list in "polyglot_notebook" and Jupyter needs none, so it is dropped unless the notebook had it already.
    /// </summary>
    static string WithoutTopLevelKernelInfo(string json)
    {
        var notebook = JsonNode.Parse(json)!.AsObject();
        if (notebook["metadata"] is not JsonObject metadata || !metadata.Remove(KernelInfoKey)) return json;
        return notebook.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).ReplaceLineEndings("\n");
    }

    /// <summary>A cell to execute: not markdown (or another non-code kernel), not blank.</summary>
    public static bool IsCode(InteractiveDocumentElement cell) =>
        cell.KernelName is not (Markdown or "md" or "raw") && !string.IsNullOrWhiteSpace(cell.Contents);
}
