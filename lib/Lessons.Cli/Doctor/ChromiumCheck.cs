using Lessons.Charts;

namespace Lessons.Cli.Doctor;

/// <summary>Is there a Chromium or Chrome for the PNG copies of charts (`lessons run` and the chart tests)?</summary>
static class ChromiumCheck
{
    public const string Piece = "Chromium (PNG copies of charts)";

    public static DoctorCheck Run()
    {
        if (HeadlessChromium.Find() is { } browser) return DoctorCheck.Present(Piece, browser.Executable);
        string? named = Environment.GetEnvironmentVariable("LESSONS_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(named)) return DoctorCheck.Absent(Piece, $"LESSONS_CHROMIUM names {named}, which does not exist; point it at a Chromium or Chrome");
        return DoctorCheck.Absent(Piece, OperatingSystem.IsLinux()
            ? "run `apt-get install -y chromium` (Debian/Ubuntu), or set LESSONS_CHROMIUM to a Chromium or Chrome"
            : "install Google Chrome, or set LESSONS_CHROMIUM to a Chromium or Chrome");
    }
}
