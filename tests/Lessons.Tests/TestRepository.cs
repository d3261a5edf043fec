using Lessons.Data;

namespace Lessons.Tests;

/// <summary>The checkout the tests run from: its root, found from the test assembly's folder, and its build outputs.</summary>
static class TestRepository
{
    /// <summary>The folder holding <see cref="RepositoryRoot.Marker"/> above the test assembly.</summary>
    public static string Root { get; } = RepositoryRoot.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepositoryRoot.Marker} above {AppContext.BaseDirectory}");

    /// <summary>Whether <paramref name="file"/> lies in the bin or obj folder of the project at <paramref name="project"/>.</summary>
    public static bool IsBuildOutput(string project, string file) =>
        Path.GetRelativePath(project, file).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";
}
