using Lessons.Runtime;

namespace Lessons.Cli.Doctor;

/// <summary>
/// Is the kit packed for notebooks? Their first cell loads `#r "nuget: Lessons.Notebooks, 0.1.0-dev"` from artifacts/packages,
/// the feed nuget.config names, which only a Release build fills (lib/Lessons.Notebooks/NotebookPackage.targets).
/// </summary>
static class PackageFeedCheck
{
    public const string Piece = "kit package feed";
    public static DoctorCheck Run(string root) => KitPackageFeed.NotebookVersion(root) is string version
        ? DoctorCheck.Present(Piece, KitPackageFeed.PackagePath(version))
        : DoctorCheck.Absent(Piece, $"no Lessons.Notebooks package in {KitPackageFeed.Folder}; run `dotnet build -c Release` in {root}");
}
