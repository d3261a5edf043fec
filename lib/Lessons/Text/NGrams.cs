namespace Lessons.Text;

/// <summary>
/// torchtext's <c>ngrams_iterator</c>: the tokens themselves, then every run of 2 tokens joined by a space ("a b"),
/// then every run of 3, ... up to <c>n</c>. With n = 1 the tokens come back unchanged.
/// </summary>
internal static class NGrams
{
    /// <summary>The tokens followed by their 2-grams ... n-grams, in torchtext's order.</summary>
    public static string[] Expand(IReadOnlyList<string> tokens, int n)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int total = 0;
        for (int size = 1; size <= n; size++) total += Math.Max(0, tokens.Count - size + 1);

        var result = new string[total];
        int k = 0;
        for (int i = 0; i < tokens.Count; i++) result[k++] = tokens[i];
        for (int size = 2; size <= n; size++)
            for (int start = 0; start + size <= tokens.Count; start++)
                result[k++] = Join(tokens, start, size);
        return result;
    }

    private static string Join(IReadOnlyList<string> tokens, int start, int size)
    {
        int length = size - 1;
        for (int i = start; i < start + size; i++) length += tokens[i].Length;
        return string.Create(length, (tokens, start, size), static (span, state) =>
        {
            var (tokens, start, size) = state;
            int at = 0;
            for (int i = start; i < start + size; i++)
            {
                if (i > start) span[at++] = ' ';
                tokens[i].AsSpan().CopyTo(span[at..]);
                at += tokens[i].Length;
            }
        });
    }
}
