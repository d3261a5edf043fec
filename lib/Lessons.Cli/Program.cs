using System.CommandLine;
using Lessons.Cli;
using Lessons.Cli.Commands;

// The `lessons` command line: a thin shell over the library. One file per verb in Commands/; option checks in
// OptionChecks, and every failure turned into a message in CommandRunner.
// Tables stay readable in logs and CI, where Spectre.Console would otherwise wrap them at 80 columns.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = Math.Max(Spectre.Console.AnsiConsole.Profile.Width, 140);

var root = new RootCommand("Recurrent neural networks, hands-on: data, training, benchmarks and notebooks of the RNN lessons.");
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(TokenizeCommand.Create());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(StudentEditionCommand.Create());
root.Subcommands.Add(SyncEditionCommand.Create());

// Notebook kernels swap Console.Error while cells run: errors go to the writer this process started with.
return await CommandRunner.RunAsync(root, args, Console.Error);
