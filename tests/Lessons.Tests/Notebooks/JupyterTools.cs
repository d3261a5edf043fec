using System.Diagnostics;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// Jupyter's command line as the offline chart tests use it: nbconvert to execute a notebook with the `.net-csharp`
/// kernel (the dotnet-interactive tool's) and to export it as HTML. <see cref="Missing"/> says what is not installed.
/// </summary>
static class JupyterTools
{
    public const string Kernel = ".net-csharp";

    /// <summary>Why nbconvert cannot run here (null when it can): no jupyter, no nbconvert, or no `.net-csharp` kernel.</summary>
    public static string? Missing(bool needKernel)
    {
        if (!TryRun(["nbconvert", "--version"], Environment.CurrentDirectory, TimeSpan.FromSeconds(60), out _))
            return "jupyter nbconvert is not installed (Debian: apt-get install jupyter-nbconvert python3-ipykernel).";
        if (needKernel && (!TryRun(["kernelspec", "list"], Environment.CurrentDirectory, TimeSpan.FromSeconds(60), out var kernels)
            || !kernels.Split('\n').Any(line => line.Trim().StartsWith(Kernel + " ", StringComparison.Ordinal))))
            return $"Jupyter has no {Kernel} kernel ({Lessons.Cli.Doctor.InteractiveToolCheck.Install}; " +
                "dotnet interactive jupyter install).";
        return null;
    }

    /// <summary>Executes <paramref name="notebook"/> in its own folder with the `.net-csharp` kernel; returns the executed copy's path.</summary>
    public static string Execute(string notebook, string outputFolder) =>
        Convert(notebook, outputFolder, "notebook", ["--execute", $"--ExecutePreprocessor.kernel_name={Kernel}",
            "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=300"], ".ipynb");

    /// <summary>Exports <paramref name="notebook"/> as HTML (nbconvert's default template); returns the page's path.</summary>
    public static string ExportHtml(string notebook, string outputFolder) => Convert(notebook, outputFolder, "html", [], ".html");

    static string Convert(string notebook, string outputFolder, string to, string[] extra, string extension)
    {
        string name = Path.GetFileNameWithoutExtension(notebook) + "-" + to;
        string[] args = ["nbconvert", "--to", to, .. extra, "--output-dir", outputFolder, "--output", name, notebook];
        if (!TryRun(args, Path.GetDirectoryName(notebook)!, TimeSpan.FromMinutes(15), out var output))
            throw new InvalidOperationException($"jupyter {string.Join(' ', args)} failed:\n{output}");
        return Path.Combine(outputFolder, name + extension);
    }

    static bool TryRun(IEnumerable<string> args, string folder, TimeSpan limit, out string output)
    {
        var start = new ProcessStartInfo("jupyter")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The kernel is a dotnet tool: make sure its folder is on the PATH it inherits.
        string tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") + Path.PathSeparator + tools;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output = e.Message;
            return false;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                output = $"timed out after {limit.TotalMinutes:0} min\n{stderr.Result}";
                return false;
            }
            process.WaitForExit();
            output = stdout.Result + stderr.Result;
            return process.ExitCode == 0;
        }
    }
}
