using Lessons.Models;
using Lessons.Runtime;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

/// <summary>Bits per character: from nats, as a perplexity, and measured on a model whose probabilities are known.</summary>
public class BitsPerCharacterTests
{
    public BitsPerCharacterTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void Nats_become_bits_and_bits_a_perplexity()
    {
        Assert.Equal(1.0, BitsPerCharacter.FromNats(Math.Log(2)), 12);
        Assert.Equal(8.0, BitsPerCharacter.Perplexity(3));
    }

    /// <summary>Scores 0 everywhere: every one of 8 ids has probability 1/8, so every prediction costs 3 bits.</summary>
    sealed class Uniform() : LanguageModel(nameof(Uniform))
    {
        public override (Tensor Scores, (Tensor H, Tensor C) State) forward(Tensor tokens, (Tensor H, Tensor C)? state) =>
            (zeros(tokens.shape[0], tokens.shape[1], 8), (zeros(1), zeros(1)));
    }

    [Fact]
    public void A_model_that_gives_eight_ids_the_same_probability_needs_three_bits_even_with_padding()
    {
        using var model = new Uniform();

        Assert.Equal(3.0, BitsPerCharacter.Of(model, [[3, 4, 5], [6], [7, 3]], batchSize: 2), 5);
    }
}
