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

    public static Process Start(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true,
        };
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
