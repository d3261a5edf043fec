namespace Lessons.Runtime;

/// <summary>
/// Where a Release build of the kit puts the packages notebooks load (lib/Lessons.Notebooks/NotebookPackage.targets),
/// inside the checkout, and which build of Lessons.Notebooks is there: the one a notebook's
/// <c>#r "nuget: Lessons.Notebooks, 0.1.0-dev"</c> gets, NuGet taking the lowest version of at least 0.1.0-dev (a build
/// leaves one; should there be two, the lowest).
/// </summary>
public static class KitPackageFeed
{
    /// <summary>The feed's folder, relative to the checkout's root.</summary>
    public const string Folder = "artifacts/packages";

    const string Prefix = "Lessons.Notebooks.";

    /// <summary>The version of the Lessons.Notebooks package a notebook in the checkout at <paramref name="root"/> loads, or null.</summary>
    public static string? NotebookVersion(string root)
    {
        string feed = Path.Combine(root, Folder);
        if (!Directory.Exists(feed)) return null;
        return Directory.GetFiles(feed, Prefix + "*.nupkg")
            .Select(path => Path.GetFileNameWithoutExtension(path)[Prefix.Length..])
            .Where(version => version.Length > 0 && char.IsAsciiDigit(version[0]))
            .Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The package file of <see cref="NotebookVersion"/>, relative to the root (<c>artifacts/packages/Lessons.Notebooks.….nupkg</c>).</summary>
    public static string PackagePath(string version) => $"{Folder}/{Prefix}{version}.nupkg";
}
