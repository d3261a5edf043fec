namespace Lessons.Cli.Commands;

/// <summary>The bench cannot run as asked (an unknown configuration, a missing PyTorch yardstick); the message says why.</summary>
public sealed class BenchException(string message) : Exception(message);
