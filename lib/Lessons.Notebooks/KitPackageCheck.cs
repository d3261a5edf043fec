using Lessons.Data;
using Lessons.Runtime;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// Is the kit a notebook loaded the checkout's own build? Notebooks load it with
/// <c>#r "nuget: Lessons.Notebooks, 0.1.0-dev"</c>: the lowest build of at least 0.1.0-dev in the feed, which is the one
/// build artifacts/packages holds (every build replaces it). A version without a wildcard lets .NET Interactive's
/// resolver (F#'s NuGet dependency manager) keep the resolution in <c>~/.packagemanagement/nuget/Cache</c> and skip a
/// 2–3 s restore in every later notebook. That cache is keyed by the directive's text alone and trusts any entry whose
/// files still exist, so it can hand a kernel another build: the previous one when a build could not remove its
/// unpacked copy (a running kernel holds it on Windows; the build forgets the cached entry as well, see
/// NotebookPackage.targets), or another checkout's. <see cref="Verify"/> notices, forgets the entry and says to restart.
/// </summary>
static class KitPackageCheck
{
    /// <summary>
    /// Throws a one-line error when the kernel loaded build <paramref name="loaded"/> of the kit but the checkout the
    /// notebook runs in built another one, after forgetting the cached resolutions of the kit (a restarted kernel then
    /// restores the checkout's build). Silent outside a checkout, or where the kit did not come from a package.
    /// </summary>
    public static void Verify(string loaded) => Verify(loaded, RepositoryRoot.Find(), ResolutionCache);

    /// <summary><see cref="Verify(string)"/> for the checkout at <paramref name="root"/> and the resolver's cache folder.</summary>
    internal static void Verify(string loaded, string? root, string cache)
    {
        if (!loaded.Contains("-dev.", StringComparison.Ordinal) || root is null || KitPackageFeed.NotebookVersion(root) is not string built || loaded == built)
            return;
        ForgetCachedResolutions(cache);
        throw new InvalidOperationException(Words.Format("kit.other-build", loaded, built));
    }

    /// <summary>Where .NET Interactive's resolver keeps what each <c>#r "nuget: ..."</c> resolved to.</summary>
    static string ResolutionCache =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".packagemanagement", "nuget", "Cache");

    /// <summary>Deletes the resolver's cached resolutions that name the kit's package; the next restore does the work.</summary>
    static void ForgetCachedResolutions(string cache)
    {
        if (!Directory.Exists(cache)) return;
        foreach (string paths in Directory.GetFiles(cache, "*.resolvedReferences.paths"))
        {
            try
            {
                if (File.ReadLines(paths).Any(line => line.StartsWith("Lessons.Notebooks,", StringComparison.OrdinalIgnoreCase)))
                    File.Delete(paths);
            }
            catch (IOException) { }   // another kernel is reading or replacing it: the restart will tell
        }
    }
}
