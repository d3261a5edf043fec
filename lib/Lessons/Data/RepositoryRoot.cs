namespace Lessons.Data;

/// <summary>
/// The root of the course kit's checkout: the folder holding <c>Lessons.sln</c>, found by walking up from the current
/// directory, then from the program's own folder. The environment variable <c>LESSONS_ROOT</c> overrides the search.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The environment variable that names the root outright.</summary>
    public const string Variable = "LESSONS_ROOT";

    /// <summary>The file that marks the root.</summary>
    public const string Marker = "Lessons.sln";

    /// <summary>The root, or null when neither the override nor the search finds one.</summary>
    public static string? Find()
    {
        var overridden = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden);
        return FindFrom(Environment.CurrentDirectory) ?? FindFrom(AppContext.BaseDirectory);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="Marker"/>, or null.</summary>
    public static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, Marker))) return dir.FullName;
        return null;
    }
}
