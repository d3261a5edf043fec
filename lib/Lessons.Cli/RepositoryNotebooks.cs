using Lessons.Data;
using Lessons.Runner;

namespace Lessons.Cli;

/// <summary>The notebooks folder of the kit's repository, which the verbs that write editions work on.</summary>
internal static class RepositoryNotebooks
{
    /// <summary>
    /// The repository's root and its notebooks folder, found from the current directory (or LESSONS_ROOT); a one-line
    /// <see cref="DirectoryNotFoundException"/> when there is none.
    /// </summary>
    public static (string Root, string Notebooks) Find()
    {
        string root = RepositoryRoot.Find() ?? Directory.GetCurrentDirectory();
        string notebooks = Path.Combine(root, NotebookSet.DefaultFolder);
        return Directory.Exists(notebooks) ? (root, notebooks) : throw new DirectoryNotFoundException(
            $"No notebooks folder at {notebooks}: run from the kit's repository (or set {RepositoryRoot.Variable}).");
    }
}
