namespace Lessons.Data;

/// <summary>How far the download of one file has come. <see cref="TotalBytes"/> is null when the server does not say.</summary>
public sealed record DownloadProgress(string File, Uri Url, long BytesReceived, long? TotalBytes)
{
    /// <summary>The share done, 0..1, when the total is known.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;
}
