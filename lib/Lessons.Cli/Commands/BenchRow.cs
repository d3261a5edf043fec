using Lessons.Training;

namespace Lessons.Cli.Commands;

/// <summary>
/// One configuration's result: the kit's samples/s per repetition and their median, where its time went, its useful
/// arithmetic (<see cref="BenchConfiguration.FlopsPerSample"/>), and each PyTorch yardstick's samples/s if it ran.
/// </summary>
sealed record BenchRow(string Name, double[] SamplesPerSecond, double Median, double PaddingShare, PhaseTimings Phases,
    double SamplesPerCpuSecond, double FlopsPerSample, double? LessonSamplesPerSecond, double? TunedSamplesPerSecond)
{
    public double Gflops => FlopsPerSample * Median / 1e9;
    public double? LessonSpeedup => Median / LessonSamplesPerSecond;
    public double? TunedSpeedup => Median / TunedSamplesPerSecond;
}
