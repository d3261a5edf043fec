using System.CommandLine;
using Lessons.Cli.Doctor;
using Lessons.Data;
using Lessons.Runtime;
using TorchSharp;

namespace Lessons.Cli.Commands;

/// <summary>
/// `lessons doctor`: checks each piece a notebook front end needs (the SDK band of global.json, the dotnet-interactive
/// tool, the `.net-csharp` Jupyter kernel, the kit's package feed, Chromium), one line each with the command that puts a
/// missing one in place; then makes TorchSharp ready (patching its native wrapper where needed) and says what it did.
/// Exit 1 when a piece is missing. With --quiet (the post-build step) only the TorchSharp part runs.
/// </summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var quiet = new Option<bool>("--quiet") { Description = "Only make TorchSharp ready; print only what was fixed, and errors." };
        var command = new Command("doctor",
            "Check the pieces the notebook front ends need (SDK, dotnet-interactive, Jupyter kernel, the kit's package feed, Chromium) and that TorchSharp loads; say what to run for each missing one.");
        command.Options.Add(quiet);
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(quiet))
            {
                TorchRuntime.EnsureReady();
                foreach (string line in TorchRuntime.Log.Where(l => l.StartsWith("marked", StringComparison.Ordinal)))
                    Console.WriteLine($"lessons doctor: {line}");
                return 0;
            }
            var checks = FrontEndChecks().ToList();
            foreach (var check in checks) Console.WriteLine(check);
            checks.Add(TorchSharpCheck());
            int missing = checks.Count(c => c.Missing);
            Console.WriteLine(missing == 0 ? "Every piece is in place." : $"{missing} missing: run the command on each missing line.");
            return missing == 0 ? 0 : CommandRunner.Failed;
        });
        return command;
    }

    static IEnumerable<DoctorCheck> FrontEndChecks()
    {
        string? root = RepositoryRoot.Find();
        const string outside = "not inside the kit's repository; run `lessons doctor` from its folder";
        yield return root is null ? DoctorCheck.Absent(SdkCheck.Piece, outside) : SdkCheck.Run(root);
        yield return InteractiveToolCheck.Run();
        yield return JupyterKernelCheck.Run();
        yield return root is null ? DoctorCheck.Absent(PackageFeedCheck.Piece, outside) : PackageFeedCheck.Run(root);
        yield return ChromiumCheck.Run();
    }

    /// <summary>Loads TorchSharp, printing what the loading did; a failure becomes the check's missing line.</summary>
    static DoctorCheck TorchSharpCheck()
    {
        const string piece = "TorchSharp";
        try
        {
            var device = TorchRuntime.EnsureReady();
            foreach (string line in TorchRuntime.Log) Console.WriteLine($"         {line}");
            Console.WriteLine($"         libstdc++: {LibStdCxx.Path() ?? "(not found)"}");
            var check = DoctorCheck.Present(piece, $"{typeof(torch).Assembly.GetName().Version} on {device.type}, {torch.get_num_threads()} threads");
            Console.WriteLine(check);
            return check;
        }
        catch (TorchNotReadyException e)
        {
            var check = DoctorCheck.Absent(piece, e.Message.ReplaceLineEndings(" "));
            Console.WriteLine(check);
            return check;
        }
    }
}
