using System.Diagnostics;

// Tests make a save fail part-way through the internal Checkpoint.Save overload.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Lessons.Tests")]

namespace Lessons.Training;

/// <summary>
/// How a checkpoint folder is replaced all-or-nothing, by one save at a time, and never over anything the kit did not
/// write. Each save writes into a staging folder of its own beside the target (<c>NAME.saving-PID-RANDOM</c>) and
/// flushes it; then, holding <c>NAME.lock</c> (a file opened with <see cref="FileShare.None"/>, which the system
/// releases when the process ends, however it ends), it checks the target, moves it aside (<c>NAME.previous</c>),
/// moves the staging folder in, and deletes the old one. A crash before the first move leaves the old checkpoint in
/// place; a crash between the two moves leaves it whole as NAME.previous, which <see cref="Recover"/> (run before every
/// read and swap) moves back. The lock file stays beside the checkpoint: deleting it could let two saves hold two locks.
/// </summary>
/// <remarks>
/// A folder may be replaced only when it is a kit checkpoint (<see cref="Foreign"/> returns null): it is empty, or it
/// holds nothing but the files <see cref="Checkpoint.Save"/> writes (checkpoint.json, weights.bin, vocabulary.tsv, no
/// subfolders, no links), checkpoint.json among them and beginning with the kit's format marker (<c>{"format":</c>).
/// A staging folder is deleted only by the save that made it, or when the process named in it has ended.
/// </remarks>
static class CheckpointFolder
{
    const string StagingMark = ".saving-", Marker = "{\"format\":";
    static readonly string[] KitFiles = [Checkpoint.DescriptionFile, Checkpoint.WeightsFile, Checkpoint.VocabularyFile];

    /// <summary>How long a save waits for another save's swap (a swap takes milliseconds) before giving up.</summary>
    internal static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(60);

    public static string Previous(string folder) => Trimmed(folder) + ".previous";

    public static string LockFile(string folder) => Trimmed(folder) + ".lock";

    static string Trimmed(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>Creates a staging folder that belongs to this process and this save only.</summary>
    public static string CreateStaging(string folder)
    {
        string staging = $"{Trimmed(folder)}{StagingMark}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Deletes a staging folder this process created (after a failed save); a failure to delete is ignored.</summary>
    public static void DeleteOwnStaging(string? staging)
    {
        try
        {
            if (staging is not null && Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Null when <paramref name="folder"/> may be replaced by a checkpoint (see the remarks on this class); otherwise
    /// what in it the kit did not write. A missing folder may be replaced; a file never.
    /// </summary>
    public static string? Foreign(string folder)
    {
        try
        {
            return ForeignEntries(Trimmed(folder));
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            return null;   // gone while it was looked at (another save's swap): a missing folder may be replaced
        }
    }

    static string? ForeignEntries(string full)
    {
        if (File.Exists(full)) return "is a file, not a folder";
        if (!Directory.Exists(full)) return null;
        if (new DirectoryInfo(full).LinkTarget is not null) return "is a link to another folder";
        var entries = new DirectoryInfo(full).GetFileSystemInfos();
        if (entries.Length == 0) return null;
        var strangers = entries.Where(e => e is not FileInfo || e.LinkTarget is not null || !KitFiles.Contains(e.Name)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        if (strangers.Count > 0)
            return $"holds {string.Join(", ", strangers.Take(3))}{(strangers.Count > 3 ? $" and {strangers.Count - 3} more" : "")}, which the kit did not write";
        string description = Path.Combine(full, Checkpoint.DescriptionFile);
        if (!File.Exists(description)) return $"has no {Checkpoint.DescriptionFile}";
        return StartsWithMarker(description) ? null : $"its {Checkpoint.DescriptionFile} was not written by the kit";
    }

    /// <summary>Whether the file begins, spaces aside, with the kit's format marker; true even for a cut-off file.</summary>
    static bool StartsWithMarker(string path)
    {
        var buffer = new char[256];
        using (var reader = new StreamReader(path)) buffer = buffer[..reader.ReadBlock(buffer)];
        string start = new([.. buffer.Where(c => !char.IsWhiteSpace(c))]);
        return start.StartsWith(Marker, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Throws a <see cref="CheckpointException"/> when a checkpoint cannot be saved at <paramref name="folder"/>: it is a
    /// file, a folder the kit did not write (or NAME.previous is), or its parent cannot be written. Leaves nothing behind.
    /// </summary>
    public static void EnsureReplaceable(string folder)
    {
        // A swap under way (another save holds the lock) passes through states no one else should judge, such as a
        // NAME.previous half deleted: wait for it. Without a lock file no save has begun here, and none is created.
        using (File.Exists(LockFile(folder)) ? Lock(folder) : null)
            foreach (string place in new[] { Trimmed(folder), Previous(folder) })
                if (Foreign(place) is { } why)
                    throw new CheckpointException(place, NotReplaced(why));
        string? staging = null;
        try
        {
            staging = CreateStaging(folder);
            File.WriteAllBytes(Path.Combine(staging, ".probe"), []);
            Directory.Delete(staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteOwnStaging(staging);
            throw new CheckpointException(Trimmed(folder), $"cannot write a checkpoint here ({e.Message.TrimEnd('.')}); choose another folder or fix its permissions", e);
        }
    }

    static string NotReplaced(string why) =>
        $"{why}; a checkpoint is saved only into a new or empty folder or over a checkpoint the kit saved, so nothing was changed";

    /// <summary>Finishes or undoes a swap that was interrupted (taking the lock only when there is one to undo).</summary>
    public static void Recover(string folder)
    {
        if (!Directory.Exists(Previous(folder))) return;
        using var held = Lock(folder);
        RecoverHeld(folder);
    }

    static void RecoverHeld(string folder)
    {
        string target = Trimmed(folder), previous = Previous(folder);
        if (!Directory.Exists(previous)) return;
        if (Foreign(previous) is { } why)
            throw new CheckpointException(previous, $"{why}; move it away, the kit will not delete it");
        if (Directory.Exists(target)) Directory.Delete(previous, recursive: true);
        else Directory.Move(previous, target);
    }

    /// <summary>
    /// Replaces <paramref name="folder"/> (if any) with the complete checkpoint in <paramref name="staging"/>, holding the
    /// lock; refuses (a <see cref="CheckpointException"/>, nothing moved) when the folder is not a kit checkpoint.
    /// </summary>
    public static void Swap(string staging, string folder)
    {
        string target = Trimmed(folder), previous = Previous(folder);
        using var held = Lock(folder);
        RecoverHeld(folder);
        if (Foreign(target) is { } why) throw new CheckpointException(target, NotReplaced(why));
        DeleteStaleStaging(folder);
        if (Directory.Exists(target)) Directory.Move(target, previous);
        Directory.Move(staging, target);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);   // checked above: a kit checkpoint
    }

    /// <summary>
    /// Deletes staging folders left by saves whose process has ended (the process id in the name runs no more) and
    /// that hold only what a save writes. Another running save's folder is never touched.
    /// </summary>
    static void DeleteStaleStaging(string folder)
    {
        string target = Trimmed(folder);
        string parent = Path.GetDirectoryName(target)!, prefix = Path.GetFileName(target) + StagingMark;
        foreach (string staging in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            string owner = Path.GetFileName(staging)[prefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out int pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            bool onlyKitFiles = new DirectoryInfo(staging).GetFileSystemInfos()
                .All(e => e is FileInfo && e.LinkTarget is null && (KitFiles.Contains(e.Name) || e.Name == ".probe"));
            if (onlyKitFiles) DeleteOwnStaging(staging);
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Takes <c>NAME.lock</c>, waiting while another save holds it. Dispose the result to let go; the system lets go
    /// when the process ends, so a killed save never leaves the lock taken.
    /// </summary>
    public static IDisposable Lock(string folder)
    {
        string path = LockFile(folder);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e.GetType() == typeof(IOException) && File.Exists(path))
            {
                // Held by another save (a sharing violation): wait for its swap to end.
                if (clock.Elapsed > LockWait)
                    throw new CheckpointException(path, $"another save to this checkpoint has held this lock for over {LockWait.TotalSeconds:0} s; try again when it ends", e);
                Thread.Sleep(20);
            }
        }
    }
}
