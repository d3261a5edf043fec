// Tests make a save fail part-way through the internal Checkpoint.Save overload.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Lessons.Tests")]

namespace Lessons.Training;

/// <summary>
/// How a checkpoint folder is replaced all-or-nothing: the new checkpoint is written into a staging folder beside
/// the target (<c>NAME.saving</c>) and flushed; then the old folder steps aside (<c>NAME.previous</c>), the staging
/// folder takes its name, and the old one is deleted. A crash before the first rename leaves the old checkpoint in
/// place; a crash between the two renames leaves it whole as NAME.previous, which <see cref="Recover"/> (run before
/// every read and save) moves back.
/// </summary>
static class CheckpointFolder
{
    public static string Staging(string folder) => Trimmed(folder) + ".saving";

    public static string Previous(string folder) => Trimmed(folder) + ".previous";

    static string Trimmed(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>Finishes or undoes a swap that was interrupted, and removes a staging folder left by a failed save.</summary>
    public static void Recover(string folder)
    {
        string previous = Previous(folder);
        if (Directory.Exists(previous))
        {
            if (Directory.Exists(folder)) Directory.Delete(previous, recursive: true);
            else Directory.Move(previous, Trimmed(folder));
        }
    }

    /// <summary>Throws a <see cref="CheckpointException"/> when a checkpoint cannot be written at <paramref name="folder"/>
    /// (for example a read-only or missing-permission parent), leaving nothing behind.</summary>
    public static void EnsureWritable(string folder)
    {
        string staging = Staging(folder);
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllBytes(Path.Combine(staging, ".probe"), []);
            Directory.Delete(staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(Trimmed(folder), $"cannot write a checkpoint here ({e.Message.TrimEnd('.')}); choose another folder or fix its permissions", e);
        }
    }

    /// <summary>Replaces <paramref name="folder"/> (if any) with the complete checkpoint in <paramref name="staging"/>.</summary>
    public static void Swap(string staging, string folder)
    {
        string target = Trimmed(folder), previous = Previous(folder);
        if (Directory.Exists(target)) Directory.Move(target, previous);
        Directory.Move(staging, target);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }
}
