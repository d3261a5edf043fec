using System.CommandLine;
using Lessons.Runtime;
using TorchSharp;

namespace Lessons.Cli.Commands;

/// <summary>`lessons doctor`: makes TorchSharp ready (patching its native wrapper where needed) and says what it did.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var quiet = new Option<bool>("--quiet") { Description = "Print only what was fixed, and errors." };
        var command = new Command("doctor", "Check that TorchSharp loads here; fix the GLIBCXX matter where needed, and report what was done.");
        command.Options.Add(quiet);
        command.SetAction(parseResult =>
        {
            var device = TorchRuntime.EnsureReady();
            if (parseResult.GetValue(quiet))
            {
                foreach (string line in TorchRuntime.Log.Where(l => l.StartsWith("marked", StringComparison.Ordinal)))
                    Console.WriteLine($"lessons doctor: {line}");
                return 0;
            }
            foreach (string line in TorchRuntime.Log) Console.WriteLine(line);
            Console.WriteLine($"libstdc++: {LibStdCxx.Path() ?? "(not found)"}");
            Console.WriteLine($"device: {device.type}; threads: {torch.get_num_threads()}");
            return 0;
        });
        return command;
    }
}
