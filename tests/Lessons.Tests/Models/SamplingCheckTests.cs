using Lessons.Models;
using Lessons.Tests.Training;
using Lessons.Text;
using static TorchSharp.torch;

namespace Lessons.Tests.Models;

/// <summary>The sampling check passes a right loop and names, in one line, what is wrong in a broken one.</summary>
[Collection(SeededTorchCollection.Name)] // one test asserts the global generator is left as it was
public class SamplingCheckTests
{
    public SamplingCheckTests() => ModelTestData.Ready();

    /// <summary>The notebook's loop, with a switch for each slip a student makes.</summary>
    static string Sample(LanguageModel model, CharVocabulary vocabulary, double temperature, int maxLength, Generator generator,
        bool dropState = false, bool feedStart = false, bool ignoreEnd = false, bool ignoreTemperature = false,
        bool multiplyTemperature = false, bool greedy = false, bool globalGenerator = false, int extra = 0, bool appendEnd = false)
    {
        using var scope = NewDisposeScope();
        string text = "";
        long token = CharVocabulary.Start;
        (Tensor H, Tensor C)? state = null;
        while (text.Length < maxLength + extra)
        {
            var (scores, next) = model.call(tensor(new long[,] { { feedStart ? CharVocabulary.Start : token } }), state);
            state = dropState ? null : next;
            var t = ignoreTemperature ? 1 : temperature;
            var probabilities = softmax(multiplyTemperature ? scores[0, -1] * t : scores[0, -1] / t, 0);
            token = greedy ? probabilities.argmax().item<long>()
                : globalGenerator ? multinomial(probabilities, 1).item<long>()
                : multinomial(probabilities, 1, generator: generator).item<long>();
            if (token == CharVocabulary.End && !ignoreEnd)
            {
                if (appendEnd) text += "|";
                break;
            }
            text += token == CharVocabulary.End ? "|" : vocabulary.Character(token);
        }
        return text;
    }

    /// <summary>A right loop that reads the whole text again from Start at every step, with no state: slow but right.</summary>
    static string SampleByRereading(LanguageModel model, CharVocabulary vocabulary, double temperature, int maxLength, Generator generator)
    {
        using var scope = NewDisposeScope();
        var ids = new List<long> { CharVocabulary.Start };
        string text = "";
        while (text.Length < maxLength)
        {
            var (scores, _) = model.call(tensor(ids.ToArray()).unsqueeze(0), null);
            long token = multinomial(softmax(scores[0, -1] / temperature, 0), 1, generator: generator).item<long>();
            if (token == CharVocabulary.End) break;
            ids.Add(token);
            text += vocabulary.Character(token);
        }
        return text;
    }

    static StepVerdict Check(bool dropState = false, bool feedStart = false, bool ignoreEnd = false, bool ignoreTemperature = false,
        bool multiplyTemperature = false, bool greedy = false, bool globalGenerator = false, int extra = 0, bool appendEnd = false) =>
        StepCheck.Sampling((m, v, t, n, g) => Sample(m, v, t, n, g, dropState, feedStart, ignoreEnd, ignoreTemperature,
            multiplyTemperature, greedy, globalGenerator, extra, appendEnd));

    [Fact]
    public void A_right_loop_passes_and_says_how_its_draws_came_out()
    {
        var verdict = Check();

        Assert.True(verdict.Passed, verdict.Message);
        Assert.StartsWith("✓ Your sampling loop starts from Start, feeds each drawn character and the state forward", verdict.Message);
        Assert.EndsWith("(softmax(scores / T) gives 10 % and 37 %).", verdict.Message);
    }

    [Fact]
    public void Reading_the_whole_text_again_at_every_step_is_right_too()
    {
        var verdict = StepCheck.Sampling(SampleByRereading);

        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void Each_slip_is_named_in_one_line()
    {
        Assert.Equal("✗ The state is not fed forward: pass the state the model returned into the next call (with null, every step starts afresh and forgets the headline so far).",
            Check(dropState: true).Message);
        Assert.Equal("✗ The character you drew is not fed back in: each call must read the token drawn from the call before.",
            Check(feedStart: true).Message);
        Assert.Equal("✗ Your loop goes on after the model drew End: stop as soon as the drawn token is CharVocabulary.End.",
            Check(ignoreEnd: true).Message);
        Assert.Equal("✗ With maxLength 12 and no End drawn, your loop returned 13 characters: stop after maxLength characters.",
            Check(extra: 1).Message);
        Assert.Equal("✗ Your loop returned \"abcde|\" where the drawn tokens spell \"abcde\": append vocabulary.Character(token) for each token drawn, and nothing for End.",
            Check(appendEnd: true).Message);
        Assert.Equal("✗ Your loop always takes the most likely character: draw it from the probabilities instead (multinomial, with the generator).",
            Check(greedy: true).Message);
        Assert.StartsWith("✗ The temperature changes nothing: a character with odds 1 : 3 came 2", Check(ignoreTemperature: true).Message);
        Assert.StartsWith("✗ The temperature works backwards: a character with odds 1 : 3 came 3", Check(multiplyTemperature: true).Message);
        Assert.Equal("✗ Two runs with generators of the same seed drew different text: draw with the generator you are given (multinomial(probabilities, 1, generator: generator)).",
            Check(globalGenerator: true).Message);
    }

    [Fact]
    public void A_loop_not_written_yet_or_one_that_throws_is_named_and_the_global_generator_is_left_as_it_was()
    {
        manual_seed(3);
        var before = random.get_rng_state();

        var stub = StepCheck.Sampling((_, _, _, _, _) => throw new NotImplementedException("Sample is not written yet."));
        var broken = StepCheck.Sampling((m, v, t, n, g) => v.Character(CharVocabulary.End).ToString());

        Assert.Equal("✗ Sample is not written yet.", stub.Message);
        Assert.Equal("✗ Your sampling loop failed before returning: Start and End are markers, not characters: stop at End. (Parameter 'id')",
            broken.Message);
        Assert.True(random.get_rng_state().eq(before).all().item<bool>());
    }
}
