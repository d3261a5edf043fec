using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The mask of a dropout: each value 1/keep (kept, and scaled so that the mean stays) with probability keep, else 0.
/// LibTorch's <c>bernoulli_</c> draws one number at a time from its Mersenne Twister, about 10 ns a value; on the
/// recipe's embedding dropout (32 × 43 × 64 values a batch) that was a fifth of a training step, a third for the
/// simple RNN. Here the generator gives one 64-bit seed per mask, and a counter hashed with it (Wellons' lowbias32,
/// several lanes at once) gives each value's draw: the same generator state gives the same mask.
/// </summary>
static class KeepMask
{
    /// <summary>A mask of <paramref name="shape"/> on <paramref name="device"/>, seeded from <paramref name="generator"/>
    /// (null: the process-wide generator), which advances by one draw.</summary>
    public static Tensor Draw(long[] shape, double keep, Generator? generator, Device device)
    {
        using var seed = randint(long.MaxValue, [1], dtype: ScalarType.Int64, generator: generator);
        var mask = empty(shape, ScalarType.Float32);   // on the CPU, filled in place
        Fill(MemoryMarshal.Cast<byte, float>(mask.bytes), keep, (ulong)seed.item<long>());
        if (device.type == DeviceType.CPU) return mask;
        using (mask) return mask.to(device);
    }

    /// <summary>Fills <paramref name="values"/> with 1/<paramref name="keep"/> or 0 from the stream of <paramref name="seed"/>:
    /// value i depends on i and the seed alone, so the mask is the same on every vector width.</summary>
    internal static void Fill(Span<float> values, double keep, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, 1.0);
        float scale = (float)(1 / keep);
        if (keep == 1)
        {
            values.Fill(scale);
            return;
        }
        // A 32-bit draw below the threshold keeps its value: P = threshold / 2^32 = keep.
        uint threshold = (uint)Math.Min(Math.Round(keep * 4294967296.0), uint.MaxValue), low = (uint)seed, high = (uint)(seed >> 32);
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<uint>.Count)
        {
            var counter = Vector<uint>.Indices;
            var (step, kept, dropped, below) = (new Vector<uint>((uint)Vector<uint>.Count), new Vector<float>(scale),
                Vector<float>.Zero, new Vector<uint>(threshold));
            var floats = MemoryMarshal.Cast<float, Vector<float>>(values);
            for (int v = 0; v < floats.Length; v++, counter += step)
                floats[v] = Vector.ConditionalSelect(Vector.LessThan(Draw(counter, low, high), below).As<uint, float>(), kept, dropped);
            i = floats.Length * Vector<float>.Count;
        }
        for (; i < values.Length; i++) values[i] = Draw((uint)i, low, high) < threshold ? scale : 0f;
    }

    // Two rounds of Wellons' lowbias32 hash over the counter, one per half of the seed.
    static uint Draw(uint counter, uint low, uint high) => Hash(Hash(counter + low) ^ high);

    static Vector<uint> Draw(Vector<uint> counter, uint low, uint high) =>
        Hash(Hash(counter + new Vector<uint>(low)) ^ new Vector<uint>(high));

    static uint Hash(uint x)
    {
        x ^= x >> 16;
        x *= 0x7FEB352DU;
        x ^= x >> 15;
        x *= 0x846CA68BU;
        return x ^ (x >> 16);
    }

    static Vector<uint> Hash(Vector<uint> x)
    {
        x ^= x >>> 16;
        x *= new Vector<uint>(0x7FEB352DU);
        x ^= x >>> 15;
        x *= new Vector<uint>(0x846CA68BU);
        return x ^ (x >>> 16);
    }
}
