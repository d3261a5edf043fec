using System.CommandLine;
using Lessons.Cli.Commands;
using Lessons.Data;
using Lessons.Runtime;
using Lessons.Text;
using Lessons.Training;

namespace Lessons.Cli;

/// <summary>
/// The one place that turns what can go wrong into what the user reads: parse errors (an option out of range) and the
/// kit's own <see cref="UsageException"/> are one line each with exit code 2, and nothing else is; the kit's exceptions
/// and the file system's become one line naming the path and what to do, exit code 1; anything unexpected (a bug, such
/// as an ArgumentException from inside the library) is one line "Unexpected error ...", exit code 1. No verb keeps its
/// own catch list, and no .NET stack trace reaches the user.
/// </summary>
public static class CommandRunner
{
    public const int Failed = 1, BadUsage = 2, Cancelled = 130;

    /// <summary>Parses <paramref name="args"/> for <paramref name="command"/> and runs it; errors go to <paramref name="errors"/>
    /// (by default the standard error this process started with).</summary>
    public static async Task<int> RunAsync(Command command, string[] args, TextWriter? errors = null, CancellationToken cancel = default)
    {
        errors ??= Console.Error;
        // `lessons` alone shows the verbs rather than a "Required command" error.
        var parse = command.Parse(args.Length == 0 && command is RootCommand ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) errors.WriteLine(error.Message);
            return BadUsage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel);
        }
        catch (Exception e)
        {
            var (message, exitCode) = Describe(e);
            errors.WriteLine(message);
            return exitCode;
        }
    }

    /// <summary>As <see cref="RunAsync"/>, for tests and synchronous callers.</summary>
    public static int Run(Command command, string[] args, TextWriter? errors = null) =>
        RunAsync(command, args, errors).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="action"/>, turning a failure into its message on <paramref name="errors"/> and its exit code.</summary>
    public static int Guard(TextWriter errors, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            var (message, exitCode) = Describe(e);
            errors.WriteLine(message);
            return exitCode;
        }
    }

    /// <summary>The one line (or a few, for native loading) and exit code for a failure.</summary>
    public static (string Message, int ExitCode) Describe(Exception e) => e switch
    {
        OperationCanceledException => ("Cancelled.", Cancelled),
        // The kit's own exceptions already name the file (and line) and say what to do.
        DataFormatException or AgNewsNotFoundException or DataDownloadException or VocabularyFormatException
            or CheckpointException or CheckpointMismatchException or TorchNotReadyException or BenchException => (e.Message, Failed),
        UnauthorizedAccessException => ($"{e.Message} Check the permissions of that path, or choose another one.", Failed),
        DirectoryNotFoundException or FileNotFoundException => (e.Message, Failed),
        IOException => ($"{e.Message} Check that the disk has room and the path is writable, or choose another one.", Failed),
        UsageException => (e.Message, BadUsage),
        InvalidDataException => (e.Message, Failed),
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerExceptions[0]),
        // Native errors (LibTorch's) carry a stack of frames in their message: the first line is what went wrong.
        _ => ($"Unexpected error ({e.GetType().Name}): {FirstLine(e.Message)} Please report it with the command you ran.", Failed),
    };

    static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd();
}
