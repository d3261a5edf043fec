using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Lessons.Tests.Runner;

/// <summary>The built `lessons` run as a real process, and small notebooks to give it.</summary>
static class LessonsProcess
{
    /// <summary>Runs `dotnet Lessons.Cli.dll ARGS` in <paramref name="folder"/>; its exit code, standard output and error.</summary>
    public static (int Exit, string Out, string Error) Run(string folder, params string[] args)
    {
        using var process = Start(folder, args);
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    public static Process Start(string folder, params string[] args) => Start(folder, interruptible: false, args);

    /// <summary>
    /// Starts `dotnet Lessons.Cli.dll ARGS` in <paramref name="folder"/>. With <paramref name="interruptible"/>, SIGINT is
    /// set back to its default first (coreutils' <c>env --default-signal</c>): a test run started in the background by a
    /// shell without job control inherits SIGINT ignored, .NET then never sees a Ctrl+C, and the test would test nothing.
    /// </summary>
    public static Process Start(string folder, bool interruptible, params string[] args)
    {
        var start = new ProcessStartInfo(interruptible ? "env" : "dotnet")
        {
            WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        if (interruptible) foreach (string a in (string[])["--default-signal=INT", "dotnet"]) start.ArgumentList.Add(a);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Cli.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    /// <summary>Writes an nbformat-4 notebook of C# code cells into <paramref name="folder"/>; returns its path.</summary>
    public static string Notebook(string folder, string name, params string[] cells)
    {
        var list = new JsonArray();
        foreach (string code in cells)
            list.Add(new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = code, ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
            });
        var notebook = new JsonObject { ["cells"] = list, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
