namespace Lessons.Tests.Runner;

/// <summary>
/// Tests that swap Console.Out or Console.Error run one at a time, after the parallel tests: the in-process notebook
/// kernels write their cells' output through the process's console (see Architecture/ProcessStateTests).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
