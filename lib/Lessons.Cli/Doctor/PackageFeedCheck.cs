namespace Lessons.Cli.Doctor;

/// <summary>
/// Is the kit packed for notebooks? Their first cell loads `#r "nuget: Lessons.Notebooks, 0.1.0-dev"` from artifacts/packages,
/// the feed nuget.config names, which only a Release build fills (lib/Lessons.Notebooks/NotebookPackage.targets).
/// </summary>
static class PackageFeedCheck
{
    public const string Piece = "kit package feed";
    public const string Folder = "artifacts/packages";

    public static DoctorCheck Run(string root)
    {
        string folder = Path.Combine(root, Folder);
        string? package = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "Lessons.Notebooks.*.nupkg").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return package is null
            ? DoctorCheck.Absent(Piece, $"no Lessons.Notebooks package in {Folder}; run `dotnet build -c Release` in {root}")
            : DoctorCheck.Present(Piece, $"{Folder}/{package}");
    }
}
