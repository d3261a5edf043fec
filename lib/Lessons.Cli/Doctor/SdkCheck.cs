namespace Lessons.Cli.Doctor;

/// <summary>Is an SDK in global.json's band installed for the `dotnet` on PATH (the one front ends start)?</summary>
static class SdkCheck
{
    public const string Piece = ".NET SDK";

    public static DoctorCheck Run(string root)
    {
        if (SdkBand.Read(root) is not { } band)
            return DoctorCheck.Absent(Piece, $"{Path.Combine(root, SdkBand.File)} names no SDK version; restore it with `git checkout -- {SdkBand.File}`");
        string? listing = CommandOnPath.Output("dotnet", TimeSpan.FromSeconds(20), "--list-sdks");
        var installed = (listing ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => Version.TryParse(line.Split(' ')[0], out var v) ? v : null)
            .OfType<Version>().ToList();
        string fix = $"install {band.Describe()} from {band.DownloadPage}";
        if (installed.Count == 0) return DoctorCheck.Absent(Piece, $"no SDK found for `dotnet` on PATH; {fix}");
        var chosen = installed.Where(band.Accepts).DefaultIfEmpty().Max();
        return chosen is null
            ? DoctorCheck.Absent(Piece, $"found {string.Join(", ", installed)}, none in global.json's band; {fix}")
            : DoctorCheck.Present(Piece, $"{chosen} (global.json: {band.Requested}, rollForward {band.RollForward})");
    }
}
