using System.Text.Json;

namespace Lessons.Cli.Doctor;

/// <summary>
/// The .NET SDK band that global.json pins (its version and roll-forward policy), and whether an installed SDK is in it:
/// what `dotnet` itself decides when it reads global.json in the repository.
/// </summary>
sealed record SdkBand(Version Requested, string RollForward)
{
    public const string File = "global.json";

    /// <summary>The band global.json at <paramref name="root"/> names, or null when there is no such file or no sdk.version.</summary>
    public static SdkBand? Read(string root)
    {
        string path = Path.Combine(root, File);
        if (!System.IO.File.Exists(path)) return null;
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        if (!json.RootElement.TryGetProperty("sdk", out var sdk) || !sdk.TryGetProperty("version", out var version)) return null;
        string rollForward = sdk.TryGetProperty("rollForward", out var policy) ? policy.GetString() ?? "latestPatch" : "latestPatch";
        return Version.TryParse(version.GetString(), out var requested) ? new SdkBand(requested, rollForward) : null;
    }

    /// <summary>Whether SDK <paramref name="installed"/> satisfies the band (dotnet's rules for each roll-forward policy).</summary>
    public bool Accepts(Version installed)
    {
        if (installed < Requested) return false;
        bool sameMinor = installed.Major == Requested.Major && installed.Minor == Requested.Minor;
        // An SDK version's third part is band (hundreds) and patch: 10.0.401 is patch 1 of feature band 4.
        bool sameFeatureBand = sameMinor && installed.Build / 100 == Requested.Build / 100;
        return RollForward switch
        {
            "disable" => installed == Requested,
            "patch" or "latestPatch" => sameFeatureBand,
            "feature" or "latestFeature" => sameMinor,
            "minor" or "latestMinor" => installed.Major == Requested.Major,
            _ => true, // major, latestMajor
        };
    }

    /// <summary>What to install, in words: "the .NET 10.0 SDK (10.0.100 or a later 10.0 SDK)".</summary>
    public string Describe() => $"the .NET {Requested.Major}.{Requested.Minor} SDK ({Requested} or a later {Requested.Major}.{Requested.Minor} SDK)";

    /// <summary>The download page of the SDK's channel.</summary>
    public string DownloadPage => $"https://dotnet.microsoft.com/download/dotnet/{Requested.Major}.{Requested.Minor}";
}
