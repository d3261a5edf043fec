namespace Lessons.Cli.Doctor;

/// <summary>
/// Is the `.net-csharp` Jupyter kernelspec installed where Jupyter and VS Code's Jupyter extension look for kernels?
/// The kernelspec folders on disk first (fast); `jupyter kernelspec list` only when none holds it (e.g. a conda prefix).
/// </summary>
static class JupyterKernelCheck
{
    public const string Piece = "Jupyter kernel .net-csharp";
    public const string Kernel = ".net-csharp";

    public static DoctorCheck Run()
    {
        if (DataFolders().Select(f => Path.Combine(f, "kernels", Kernel)).FirstOrDefault(k => File.Exists(Path.Combine(k, "kernel.json"))) is { } found)
            return DoctorCheck.Present(Piece, found);
        string? listing = CommandOnPath.Output("jupyter", TimeSpan.FromSeconds(30), "kernelspec", "list");
        if (listing?.Split('\n').FirstOrDefault(l => l.Trim().StartsWith(Kernel + " ", StringComparison.Ordinal)) is { } line)
            return DoctorCheck.Present(Piece, line.Trim()[Kernel.Length..].Trim());
        string install = "run `dotnet interactive jupyter install`";
        return CommandOnPath.Find("jupyter") is null
            ? DoctorCheck.Absent(Piece, $"{install} after installing Jupyter (`pip install jupyter`; Debian: `apt-get install -y jupyter-client`)")
            : DoctorCheck.Absent(Piece, install);
    }

    /// <summary>Jupyter's data folders, as `jupyter --paths` lists them for the user and the system.</summary>
    static IEnumerable<string> DataFolders()
    {
        foreach (string variable in new[] { "JUPYTER_DATA_DIR", "JUPYTER_PATH" })
            foreach (string folder in (Environment.GetEnvironmentVariable(variable) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return folder;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter");
            yield break;
        }
        if (OperatingSystem.IsMacOS()) yield return Path.Combine(home, "Library", "Jupyter");
        string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        yield return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
        yield return "/usr/local/share/jupyter";
        yield return "/usr/share/jupyter";
    }
}
