namespace Lessons.Data;

/// <summary>A download that failed or brought the wrong bytes; nothing was left in place of the file.</summary>
public sealed class DataDownloadException(Uri url, string problem, Exception? inner = null)
    : IOException($"download of {url} failed: {problem}", inner)
{
    /// <summary>The address downloaded from.</summary>
    public Uri Url { get; } = url;

    /// <summary>What went wrong, without the address.</summary>
    public string Problem { get; } = problem;
}
