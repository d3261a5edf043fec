namespace Lessons.Cli.Doctor;

/// <summary>
/// One piece a front end needs, as `lessons doctor` reports it: what was found, or the one command that puts it in place.
/// </summary>
sealed record DoctorCheck(string Piece, string? Found, string? Fix)
{
    public bool Missing => Found is null;

    public static DoctorCheck Present(string piece, string found) => new(piece, found, null);

    public static DoctorCheck Absent(string piece, string fix) => new(piece, null, fix);

    /// <summary>The report line: "ok       piece: what was found" or "missing  piece: what to run".</summary>
    public override string ToString() => Missing ? $"missing  {Piece}: {Fix}" : $"ok       {Piece}: {Found}";
}
