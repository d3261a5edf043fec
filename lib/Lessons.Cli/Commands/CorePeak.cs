using System.Diagnostics;
using System.Numerics;

namespace Lessons.Cli.Commands;

/// <summary>
/// This core's float32 arithmetic limit, measured: a short loop of fused multiply-adds on registers (eight independent
/// chains so the FMA units never wait for a result), one thread. What no kernel on this core can beat; the bench shows
/// each configuration's GFLOP/s beside it.
/// </summary>
static class CorePeak
{
    static float sink;

    /// <summary>GFLOP/s: the best of a few short runs (on a shared machine the best is the least disturbed).</summary>
    public static double Gflops(int runs = 7, int iterations = 2_000_000)
    {
        double best = 0;
        for (int r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            float result = Run(iterations);
            double seconds = clock.Elapsed.TotalSeconds;
            sink += result;
            best = Math.Max(best, 8.0 * Vector<float>.Count * 2 * iterations / seconds / 1e9);
        }
        return best;
    }

    static float Run(int iterations)
    {
        var m = new Vector<float>(0.999f);
        var c = new Vector<float>(0.001f);
        Vector<float> a0 = Vector<float>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector.FusedMultiplyAdd(a0, m, c);
            a1 = Vector.FusedMultiplyAdd(a1, m, c);
            a2 = Vector.FusedMultiplyAdd(a2, m, c);
            a3 = Vector.FusedMultiplyAdd(a3, m, c);
            a4 = Vector.FusedMultiplyAdd(a4, m, c);
            a5 = Vector.FusedMultiplyAdd(a5, m, c);
            a6 = Vector.FusedMultiplyAdd(a6, m, c);
            a7 = Vector.FusedMultiplyAdd(a7, m, c);
        }
        return Vector.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
    }
}
