using System.Text;

namespace Lessons.Runtime;

/// <summary>
/// The one way the kit writes a file it produces (a report, a notebook, an HTML export, a vocabulary): all or nothing.
/// The content goes to a temporary file in the same folder, is flushed to disk, and then renamed over the target, so a
/// full disk, a failing writer or a killed process leaves the earlier file as it was (and no temporary file behind,
/// but for a kill). A replaced file keeps its Unix mode. The notebook runner references no library code, so this one
/// file is compiled into both (see Lessons.Runner.csproj). Checkpoints are folders and have their own swap.
/// </summary>
internal static class AtomicFile
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>Writes what <paramref name="write"/> puts into the stream it is given (creating the folder if needed).</summary>
    public static void Write(string path, Action<Stream> write) =>
        Write(path, (string temporary) =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
            write(stream);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>Puts the file that <paramref name="write"/> makes at the temporary path it is given in
    /// <paramref name="path"/>'s place (for writers that need a path, such as a copy patched in place).</summary>
    public static void Write(string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            if (!OperatingSystem.IsWindows() && File.Exists(full)) File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
