using System.Reflection;
using System.Runtime.InteropServices;
using Lessons.Charts;
using Lessons.Data;
using Lessons.Localization;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Training;
using Microsoft.DotNet.Interactive;
using TorchSharp;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Notebooks;

/// <summary>
/// What the first cell of every lesson notebook calls, right after loading the kit:
/// <code>
/// #r "nuget: Lessons.Notebooks, 0.1.0-dev"
/// using Lessons.Notebooks; ...
/// Kit.Load();
/// </code>
/// It checks that the kernel loaded this checkout's build of the kit (<see cref="KitPackageCheck"/>), makes Plotly.NET
/// and TorchSharp ready (<see cref="PlotlyRuntime.Prepare"/>,
/// <see cref="TorchRuntime.EnsureReady"/>), makes charts draw offline, and prints the versions, the device and whether
/// quick mode is on. Cells that train or sweep shrink their work with <see cref="Quick"/> or <see cref="Pick{T}"/>;
/// <see cref="Show"/> shows a value. A notebook prints as C# does, <c>Console.WriteLine($"accuracy {accuracy:P1}")</c>:
/// the language <see cref="Load"/> sets writes its numbers (%85,4 in Turkish), and a translated notebook translates its
/// own strings.
/// </summary>
public static partial class Kit
{
    /// <summary>The environment variable that turns quick mode on (`lessons run --quick` sets it).</summary>
    public const string QuickVariable = NotebookContract.QuickVariable;

    /// <summary>True when env LESSONS_QUICK is 1, true, yes or on (any case): less data and fewer epochs.</summary>
    public static bool Quick =>
        Environment.GetEnvironmentVariable(QuickVariable)?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    /// <summary>
    /// <paramref name="quick"/> in quick mode, else <paramref name="full"/>: <c>var epochs = Kit.Pick(full: 10, quick: 1);</c>
    /// </summary>
    public static T Pick<T>(T full, T quick) => Quick ? quick : full;

    /// <summary>The environment variable that shifts every seed the kit's lesson calls use (<see cref="SeedBase"/>).</summary>
    public const string SeedBaseVariable = "LESSONS_SEED_BASE";

    /// <summary>The environment variable that picks the recurrent engine of the lesson models (<see cref="Engine"/>).</summary>
    public const string EngineVariable = "LESSONS_ENGINE";

    /// <summary>
    /// Env LESSONS_SEED_BASE (a whole number, 0 when unset): added to every seed the lesson calls use (the starting
    /// weights, batch order, dropout masks and validation part of <c>Lesson.Train</c>, <c>Lesson.CompareVariants</c> and
    /// the long-memory task), so that a re-run with another base shows which outcomes are chance.
    /// </summary>
    public static int SeedBase => Environment.GetEnvironmentVariable(SeedBaseVariable)?.Trim() is { Length: > 0 } text
        ? int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{SeedBaseVariable} must be a whole number, such as 100 (got \"{text}\").")
        : 0;

    /// <summary>The seed <paramref name="seed"/> shifted by <see cref="SeedBase"/>.</summary>
    public static int Seed(int seed) => checked(seed + SeedBase);

    /// <summary>
    /// TorchSharp's <c>manual_seed</c> with <paramref name="seed"/> shifted by <see cref="SeedBase"/>: the notebooks'
    /// own cells seed the starting weights through it, so that a teacher's re-run with another base moves them too.
    /// </summary>
    public static void ManualSeed(int seed) => TorchSharp.torch.manual_seed(Seed(seed));

    /// <summary>
    /// Env LESSONS_ENGINE: <c>auto</c> (unset: the kit's kernels where they serve), <c>kit</c> or <c>libtorch</c>, the
    /// engine of every lesson model that does not name its own (<see cref="RecurrentEngine"/>). LibTorch's arithmetic
    /// differs from the kernels' in the last bits, as another machine's does.
    /// </summary>
    public static RecurrentEngine Engine => Environment.GetEnvironmentVariable(EngineVariable)?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => RecurrentEngine.Auto,
        "kit" => RecurrentEngine.Kit,
        "libtorch" => RecurrentEngine.LibTorch,
        var other => throw new ArgumentException($"{EngineVariable} must be auto, kit or libtorch (got \"{other}\")."),
    };

    /// <summary>
    /// Shows a value (a chart, a table, a line) as an output of the running cell, and returns a handle that replaces it
    /// in place: <c>var p = Kit.Show("epoch 0"); p.Update("epoch 1");</c>. Outside a notebook it prints the value.
    /// </summary>
    public static LiveDisplay Show(object value) => LiveDisplay.Show(value);

    /// <summary>
    /// The path of <paramref name="path"/>, a file inside the kit's repository, from the notebook's folder
    /// (<c>Kit.RepositoryFile("data/spamassassin/spamassassin.tsv")</c> is ../data/… in notebooks/, ../../data/… in
    /// notebooks/tr/), so the same cell reads a file the kit ships in an English and in a Turkish lesson, and what it
    /// prints names no folder of this machine.
    /// </summary>
    public static string RepositoryFile(string path)
    {
        string root = RepositoryRoot.Find() ?? throw new DirectoryNotFoundException(
            $"{path} is a file of the kit's repository, and this notebook does not run inside one: open it from the " +
            $"kit's checkout, or set {RepositoryRoot.Variable} to the checkout's folder.");
        return Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, path)).Replace('\\', '/');
    }

    /// <summary>The kit's version: the package version a notebook loaded (0.1.0-dev.yyyyMMddHHmmss), else the assembly's.
    /// </summary>
    public static string Version => PackageVersion(typeof(Kit).Assembly) ?? AssemblyVersion(typeof(Kit).Assembly);

    internal static bool InNotebook => KernelInvocationContext.Current is not null;

    /// <summary>
    /// Makes TorchSharp ready, makes charts draw offline (in a notebook: shows plotly.js once, and registers the chart
    /// formatter that draws with it), sets the kit's <paramref name="language"/> (<c>en</c>, or <c>tr</c> for the Turkish
    /// edition: the kit's lines, charts, tables and names in Turkish, and the culture of this cell and the later ones, so
    /// that <c>$"{0.854:P1}"</c> is %85,4), computes on one thread, prints one line about the set-up, and returns it (a
    /// notebook's first cell).
    /// </summary>
    public static KitInfo Load(string language = "en")
    {
        KitLanguage.SetForProcess(language);
        KitPackageCheck.Verify(Version);
        PlotlyRuntime.Prepare();   // Plotly.NET needs FSharp.Core 10.1; the kernels carry 10.0 (see PlotlyRuntime)
        var device = TorchRuntime.EnsureReady();
        // The lessons' models are small: one thread computes them fastest (trainings side by side use the other cores).
        TrainingThreads.Apply(1);
        ChartFormatter.Register();
        NumberFormatter.Register();
        TableFormatter.Register();
        if (InNotebook) Show(PlotlyLoader.Output());
        var info = new KitInfo(Version, AssemblyVersion(typeof(torch).Assembly), Environment.Version.ToString(),
            RuntimeInformation.RuntimeIdentifier, device.type.ToString().ToLowerInvariant(), Quick);
        Console.WriteLine(info);
        if (SeedBase != 0 || Engine != RecurrentEngine.Auto)
            Console.WriteLine(Words.Format("kit.perturbed", SeedBase, SeedBaseVariable, Engine, EngineVariable));
        return info;
    }

    /// <summary>The version folder when the assembly runs from a NuGet package (…/lessons.notebooks/VERSION/lib/TFM/).
    /// </summary>
    static string? PackageVersion(Assembly assembly)
    {
        var lib = Directory.GetParent(assembly.Location)?.Parent;
        var version = lib?.Parent;
        bool fromPackage = lib?.Name == "lib" &&
            version?.Parent?.Name.StartsWith("lessons", StringComparison.OrdinalIgnoreCase) == true;
        return fromPackage ? version!.Name : null;
    }

    static string AssemblyVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "?";
}

/// <summary>The set-up a notebook runs on, as the first cell prints it.</summary>
public sealed record KitInfo(string Kit, string TorchSharp, string DotNet, string Platform, string Device, bool Quick)
{
    public override string ToString() => Words.Format(Quick ? "kit.info-quick" : "kit.info-full",
        Kit, TorchSharp, DotNet, Platform, Device, Lessons.Notebooks.Kit.QuickVariable);
}
