namespace Lessons.Cli;

/// <summary>
/// The command was used wrongly: an option's value that only the work itself can judge (a model too large for this
/// machine's memory, a configuration name the bench does not know). The message names the option and the value;
/// <see cref="CommandRunner"/> prints it as the one line of exit code 2, like a parse-time option check.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
