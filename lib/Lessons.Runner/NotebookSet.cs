namespace Lessons.Runner;

/// <summary>Which notebooks a run covers: the files and folders named (folders: their *.ipynb in name order), else notebooks/*.ipynb.</summary>
public static class NotebookSet
{
    public const string DefaultFolder = "notebooks";

    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> paths, string workingDirectory)
    {
        if (paths.Count == 0)
        {
            string folder = Path.Combine(workingDirectory, DefaultFolder);
            return Directory.Exists(folder) ? InFolder(folder) : [];
        }
        var notebooks = new List<string>();
        foreach (string given in paths)
        {
            string path = Path.GetFullPath(given, workingDirectory);
            if (Directory.Exists(path)) notebooks.AddRange(InFolder(path));
            else if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"{given}: not a notebook (.ipynb).");
                notebooks.Add(path);
            }
            else throw new FileNotFoundException($"{given}: no such notebook or folder.", path);
        }
        return notebooks.Distinct().ToList();
    }

    static List<string> InFolder(string folder) =>
        Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
}
