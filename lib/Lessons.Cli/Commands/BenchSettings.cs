namespace Lessons.Cli.Commands;

/// <summary>What one `lessons bench` run measures, read from the command line and checked.</summary>
sealed record BenchSettings(int Reps, int Threads, int ReferenceThreads, int BatchSize, bool Reference, bool Tuned,
    bool DenseEmbedding, bool BuiltIn, IReadOnlyList<BenchConfiguration> Configurations);
