namespace Lessons.Cli.Doctor;

/// <summary>
/// Is the dotnet-interactive global tool (the `.net-csharp` Jupyter kernel) installed in the version the kit pins, and
/// can a front end start it? Read from the global tools' folder (~/.dotnet/tools, under DOTNET_CLI_HOME when set), which
/// is what `dotnet tool list -g` reads, without starting the SDK.
/// </summary>
static class InteractiveToolCheck
{
    public const string Piece = "dotnet-interactive tool";

    /// <summary>The kernel version the kit pins (the runner's packages are Directory.Packages.props' DotNetInteractiveVersion).</summary>
    public const string Version = "1.0.712001";

    const string PackageId = "Microsoft.dotnet-interactive";

    public static string Install => $"dotnet tool install -g {PackageId} --version {Version}";

    /// <summary>~/.dotnet/tools, or DOTNET_CLI_HOME/.dotnet/tools.</summary>
    public static string ToolsFolder
    {
        get
        {
            string? cliHome = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME");
            string home = string.IsNullOrWhiteSpace(cliHome) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : cliHome;
            return Path.Combine(home, ".dotnet", "tools");
        }
    }

    public static DoctorCheck Run()
    {
        string store = Path.Combine(ToolsFolder, ".store", PackageId.ToLowerInvariant());
        string[] versions = Directory.Exists(store)
            ? Directory.GetDirectories(store).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
        if (versions.Length == 0) return DoctorCheck.Absent(Piece, $"run `{Install}`");
        if (!versions.Contains(Version))
            return DoctorCheck.Absent(Piece, $"found {string.Join(", ", versions)}, the kit's kernel is {Version}; run `dotnet tool uninstall -g {PackageId} && {Install}`");
        if (!CommandOnPath.Contains(ToolsFolder))
            return DoctorCheck.Absent(Piece, $"{Version} is installed but {ToolsFolder} is not on PATH; add it to PATH (e.g. in ~/.profile) so `dotnet interactive` starts");
        return DoctorCheck.Present(Piece, $"{Version} ({ToolsFolder})");
    }
}
