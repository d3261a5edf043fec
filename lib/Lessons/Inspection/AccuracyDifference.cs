using Lessons.Training;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Inspection;

/// <summary>
/// How far apart two variants' mean test accuracies are, with a 95% interval that counts both sources of chance: the
/// seeds (another seed gives another model) and the finite test split (another 1,520 headlines would give other
/// accuracies). The interval comes from a paired bootstrap: each of <see cref="Resamples"/> resamples draws the test
/// examples with replacement, the same draw for both variants (paired: an easy headline is easy for both), and each
/// variant's seeds with replacement, and takes the difference of the two means over the drawn seeds and examples; the
/// interval runs from the 2.5th to the 97.5th percentile of those differences. The generator is fixed, so the same
/// runs always give the same interval. With one seed per variant only the test split's chance is counted.
/// <see cref="Higher"/> names the variant with the higher mean (the first given when they are equal).
/// </summary>
public sealed record AccuracyDifference(string Higher, string Lower, double Points, double Low, double High)
{
    /// <summary>Resamples per interval: enough for its ends to move by well under a tenth of a point.</summary>
    public const int Resamples = 4000;

    /// <summary>The fixed seed of the resampling generator.</summary>
    public const int GeneratorSeed = 21;

    /// <summary>True when the interval excludes 0: <see cref="Higher"/> is above <see cref="Lower"/> by at least <see cref="Low"/> points.</summary>
    public bool Clear => Low > 0;

    /// <summary>The difference and its interval for <paramref name="a"/> and <paramref name="b"/>, the higher mean first.</summary>
    public static AccuracyDifference Of(VariantSummary a, VariantSummary b) => Of(a.Run, a.Seeds, b.Run, b.Seeds);

    /// <summary>The same for two single runs tested on the same split (one seed each: the test split's chance alone).</summary>
    public static AccuracyDifference Of(History a, History b) => Of(a.Name, [a], b.Name, [b]);

    /// <summary>The same for two variants given as their seeds' runs (each variant named by its first run).</summary>
    public static AccuracyDifference Of(IReadOnlyList<History> a, IReadOnlyList<History> b) => Of(a[0].Name, a, b[0].Name, b);

    static AccuracyDifference Of(string a, IReadOnlyList<History> seedsA, string b, IReadOnlyList<History> seedsB)
    {
        var (hitsA, hitsB) = (HitsOf(seedsA), HitsOf(seedsB));
        int n = hitsA[0].Length;
        if (hitsA.Concat(hitsB).Any(h => h.Length != n))
            throw new ArgumentException(
                $"\"{a}\" and \"{b}\" were not tested on the same examples: compare runs on one test split.", nameof(b));
        return FromResamples(a, b, Mean(hitsA) - Mean(hitsB), Resample(hitsA, hitsB, n));
    }

    /// <summary>
    /// The difference <paramref name="a"/> − <paramref name="b"/> (a share) and the 95% interval of its resamples
    /// (<paramref name="differences"/>, shares), in points, with the higher variant first.
    /// </summary>
    static AccuracyDifference FromResamples(string a, string b, double difference, double[] differences)
    {
        Array.Sort(differences);
        double points = 100 * difference;
        double low = 100 * Percentile(differences, 0.025), high = 100 * Percentile(differences, 0.975);
        return points >= 0 ? new AccuracyDifference(a, b, points, low, high) : new AccuracyDifference(b, a, -points, -high, -low);
    }

    /// <summary>
    /// The same for per-token accuracies (a tagger's): each seed's run gives, for every test text, whether each of its
    /// tokens was right. The tokens of one text are not independent draws (a tagger that misreads a text misreads
    /// several of its tokens), so the bootstrap draws whole texts with replacement, the same texts for both variants,
    /// and each variant's seeds with replacement; accuracy is the drawn texts' right tokens over their tokens.
    /// </summary>
    public static AccuracyDifference OfTexts(string a, IReadOnlyList<bool[][]> seedsA, string b, IReadOnlyList<bool[][]> seedsB)
    {
        if (seedsA.Count == 0 || seedsB.Count == 0) throw new ArgumentException("Each variant needs at least one run.", nameof(seedsA));
        bool[][][] seeds = [.. seedsA, .. seedsB];
        int texts = seeds[0].Length;
        if (seeds.Any(s => s.Length != texts || s.Select(t => t.Length).Where((length, i) => length != seeds[0][i].Length).Any()))
            throw new ArgumentException(
                $"\"{a}\" and \"{b}\" were not tested on the same texts: compare runs on one test split.", nameof(seedsB));
        // Right tokens per text and seed, and tokens per text.
        var right = new int[seeds.Length, texts];
        var tokens = new int[texts];
        for (int t = 0; t < texts; t++)
        {
            tokens[t] = seeds[0][t].Length;
            for (int s = 0; s < seeds.Length; s++) right[s, t] = seeds[s][t].Count(x => x);
        }
        double Accuracy(int seed, int[] drawn)
        {
            long hit = 0, all = 0;
            foreach (int t in drawn) { hit += right[seed, t]; all += tokens[t]; }
            return all == 0 ? 0 : (double)hit / all;
        }
        var everyText = Enumerable.Range(0, texts).ToArray();
        double Mean(int first, int count, int[] drawn) => Enumerable.Range(first, count).Average(s => Accuracy(s, drawn));
        double difference = Mean(0, seedsA.Count, everyText) - Mean(seedsA.Count, seedsB.Count, everyText);

        var random = new Random(GeneratorSeed);
        var drawn = new int[texts];
        var differences = new double[Resamples];
        for (int r = 0; r < Resamples; r++)
        {
            for (int t = 0; t < texts; t++) drawn[t] = random.Next(texts);
            double meanA = 0, meanB = 0;
            for (int s = 0; s < seedsA.Count; s++) meanA += Accuracy(random.Next(seedsA.Count), drawn);
            for (int s = 0; s < seedsB.Count; s++) meanB += Accuracy(seedsA.Count + random.Next(seedsB.Count), drawn);
            differences[r] = meanA / seedsA.Count - meanB / seedsB.Count;
        }
        return FromResamples(a, b, difference, differences);
    }

    /// <summary>Every pair of <paramref name="variants"/>, in the order given (first with second, first with third, ...).</summary>
    public static IReadOnlyList<AccuracyDifference> Between(IReadOnlyList<VariantSummary> variants) =>
        [.. variants.SelectMany((a, i) => variants.Skip(i + 1).Select(b => Of(a, b)))];

    /// <summary><paramref name="baseline"/> against every other variant, in the order given.</summary>
    public static IReadOnlyList<AccuracyDifference> Against(string baseline, IReadOnlyList<VariantSummary> variants)
    {
        var reference = variants.FirstOrDefault(v => v.Run == baseline) ?? throw new ArgumentException(
            $"No variant is named \"{baseline}\"; the variants are {string.Join(", ", variants.Select(v => v.Run))}.",
            nameof(baseline));
        return [.. variants.Where(v => v != reference).Select(v => Of(v, reference))];
    }

    /// <summary>Whether the variant named <paramref name="run"/> is one of the two.</summary>
    public bool Involves(string run) => Higher == run || Lower == run;

    /// <summary>
    /// "LSTM above RNN by at least 0.3 points (difference 1.3 points, 95% interval 0.3 to 2.4)", or "LSTM and GRU cannot
    /// be told apart on this data (difference 0.1 points, 95% interval -0.9 to 1.1)"; an interval whose lower end rounds
    /// to 0.0 gives "A above B, but barely: the 95% interval starts just above 0 (…, 95% interval 0.03 to 2.6)".
    /// </summary>
    public override string ToString() => !Clear
        ? Words.Format("difference.not-apart", Higher, Lower, Signless(Points), Signless(Low), Signless(High))
        : Words.Format(Low < BarelyBelow ? "difference.above-barely" : "difference.above", Higher, Lower, Low, Signless(Points), Signless(High));

    /// <summary>A number of points as one decimal shows it, a zero without a sign: -0.04 is written 0.0, never -0.0.</summary>
    static double Signless(double points) => Math.Round(points, 1) == 0 ? 0 : points;

    /// <summary>A lower end below this (0.0 with one decimal) says "above, but barely", never "by at least 0.0 points".</summary>
    const double BarelyBelow = 0.05;

    static byte[][] HitsOf(IReadOnlyList<History> seeds) => [.. seeds.Select(s => s.ChosenTestHits is { } hits
        ? Enumerable.Range(0, hits.Count).Select(i => hits[i] ? (byte)1 : (byte)0).ToArray()
        : throw new InvalidOperationException(
            $"Run \"{s.Name}\" kept no record of which test examples it got right (a history saved before the kit kept one): train it again to compare it."))];

    static double Mean(byte[][] seeds) => seeds.Average(h => h.Sum(x => (double)x) / h.Length);

    /// <summary>The difference of the means (a − b, as shares) in each resample.</summary>
    static double[] Resample(byte[][] a, byte[][] b, int n)
    {
        // Examples that every seed of both variants got right or wrong alike are interchangeable: draw an example,
        // count its pattern (one per distinct column of hits; few with a few seeds), and count each seed's hits per
        // pattern afterwards.
        byte[][] seeds = [.. a, .. b];
        var patternOf = new int[n];
        var patterns = new Dictionary<string, int>();
        for (int example = 0; example < n; example++)
        {
            string key = new([.. seeds.Select(s => (char)('0' + s[example]))]);
            if (!patterns.TryGetValue(key, out int pattern)) patterns[key] = pattern = patterns.Count;
            patternOf[example] = pattern;
        }
        var hits = new byte[patterns.Count, seeds.Length];
        foreach (var (key, pattern) in patterns)
            for (int s = 0; s < seeds.Length; s++) hits[pattern, s] = (byte)(key[s] - '0');

        var random = new Random(GeneratorSeed);
        var drawn = new int[patterns.Count];
        var correct = new int[seeds.Length];
        var differences = new double[Resamples];
        for (int r = 0; r < Resamples; r++)
        {
            Array.Clear(drawn);
            for (int draw = 0; draw < n; draw++) drawn[patternOf[random.Next(n)]]++;
            Array.Clear(correct);
            for (int p = 0; p < drawn.Length; p++)
                for (int s = 0; s < seeds.Length; s++) correct[s] += drawn[p] * hits[p, s];
            double meanA = 0, meanB = 0;
            for (int s = 0; s < a.Length; s++) meanA += correct[random.Next(a.Length)];
            for (int s = 0; s < b.Length; s++) meanB += correct[a.Length + random.Next(b.Length)];
            differences[r] = (meanA / a.Length - meanB / b.Length) / n;
        }
        return differences;
    }

    /// <summary>The value below which a share <paramref name="p"/> of the sorted <paramref name="values"/> lie.</summary>
    static double Percentile(double[] values, double p) =>
        values[Math.Clamp((int)Math.Floor(p * (values.Length - 1) + 0.5), 0, values.Length - 1)];
}
