namespace Lessons.Batching;

/// <summary>
/// Folds several numbers into one seed that is the same in every process. (HashCode.Combine is salted per process,
/// so seeds made with it change batch orders, and results, from one run of a program to the next.)
/// </summary>
internal static class StableSeed
{
    /// <summary>A seed from the parts (SplitMix64-style mixing), equal for equal parts in any process.</summary>
    public static int Combine(params int[] parts)
    {
        unchecked
        {
            ulong h = 0x9E3779B97F4A7C15UL;
            foreach (int part in parts)
            {
                h ^= (uint)part;
                h *= 0xBF58476D1CE4E5B9UL;
                h ^= h >> 31;
                h *= 0x94D049BB133111EBUL;
                h ^= h >> 29;
            }
            return (int)(h ^ (h >> 32));
        }
    }
}
