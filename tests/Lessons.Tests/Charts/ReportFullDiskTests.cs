using System.Diagnostics;
using Lessons.Charts;

namespace Lessons.Tests.Charts;

/// <summary>A report page (`lessons train --report DIR`) is written all or nothing: a full disk keeps the previous one.</summary>
public sealed class ReportFullDiskTests
{
    [Fact]
    public void A_full_disk_keeps_the_previous_report_and_leaves_no_temporary_file()
    {
        // A real full disk: a 1 MB tmpfs, which the page (plotly.js inline, 3.6 MB) cannot fit. Mounting needs root.
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return;
        string folder = Directory.CreateTempSubdirectory("lessons-full-disk-").FullName;
        Assert.Equal(0, Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder));
        try
        {
            string report = Path.Combine(folder, "report.html");
            File.WriteAllText(report, "the previous report");
            var page = new ChartPage("A report").Chart(ConfusionMatrixChart.Create(ChartSamples.Confusion()));

            var error = Assert.ThrowsAny<IOException>(() => page.Save(report));

            Assert.Contains("No space left on device", error.Message);
            Assert.Equal("the previous report", File.ReadAllText(report));
            Assert.Equal(["report.html"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Run("umount", folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    static int Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        return process.ExitCode;
    }
}
