using Lessons.Text;

namespace Lessons.Tests.Text;

/// <summary>Expected values are torchtext's <c>ngrams_iterator</c> output.</summary>
public class NGramsTests
{
    [Fact]
    public void Lists_the_tokens_then_the_bigrams_then_the_trigrams()
    {
        Assert.Equal(["a", "b", "c", "d", "a b", "b c", "c d", "a b c", "b c d"], NGrams.Expand(["a", "b", "c", "d"], 3));
    }

    [Fact]
    public void Gives_the_tokens_alone_for_n_1_and_nothing_longer_than_the_text()
    {
        Assert.Equal(["x", "y"], NGrams.Expand(["x", "y"], 1));
        Assert.Equal(["a"], NGrams.Expand(["a"], 3));
        Assert.Empty(NGrams.Expand([], 2));
    }

    [Fact]
    public void Rejects_n_below_1()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Expand(["a"], 0));
    }
}
