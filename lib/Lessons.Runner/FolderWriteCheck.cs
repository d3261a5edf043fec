namespace Lessons.Runner;

/// <summary>Whether a folder takes files: the one write probe of the kit's output options (student edition, --out).</summary>
public static class FolderWriteCheck
{
    /// <summary>Why nothing could be written into <paramref name="folder"/> (created if missing), or null when it can:
    /// a file is written and deleted there.</summary>
    public static string? Problem(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".lessons-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message.TrimEnd('.');
        }
    }
}
