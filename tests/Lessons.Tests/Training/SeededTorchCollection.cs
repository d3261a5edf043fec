namespace Lessons.Tests.Training;

/// <summary>
/// Tests that seed LibTorch's global generator (weights, dropout) and then expect exact numbers. They must not run
/// while a test in another class draws from the same generator, so this collection runs on its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchCollection
{
    public const string Name = "Seeded torch (not parallel)";
}
