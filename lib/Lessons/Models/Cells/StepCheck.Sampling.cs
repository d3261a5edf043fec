using Lessons.Text;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Models;

public static partial class StepCheck
{
    /// <summary>Draws at 0.5 and at 2 in the temperature check: enough that a right loop lands within 5 standard deviations.</summary>
    const int Draws = 1000;

    /// <summary>
    /// Checks a sampling loop <c>sample(model, vocabulary, temperature, maxLength, generator)</c> on two made-up models
    /// over the characters a–h. A scripted one, whose next character is certain (the letter after the one it reads, End
    /// after its fifth step), shows whether the loop starts from Start, feeds each drawn character and the state forward,
    /// stops at End, and stops at maxLength. One that gives a (rare) and b (common) the odds 1 : 3 shows whether the loop
    /// draws at the temperature (a comes 10% of the time at 0.5, 37% at 2) and with the generator it is given. The global
    /// random generator is left as it was.
    /// </summary>
    public static StepVerdict Sampling(Func<LanguageModel, CharVocabulary, double, int, Generator, string> sample)
    {
        var vocabulary = CharVocabulary.Build(["abcdefgh"]);
        var saved = random.get_rng_state();
        try
        {
            using var scope = NewDisposeScope();
            string Run(LanguageModel model, double temperature, int maxLength, int seed = 1)
            {
                using var generator = new Generator((ulong)seed);
                return sample(model, vocabulary, temperature, maxLength, generator);
            }
            foreach (var (endAt, maxLength) in new[] { (6, 40), (100, 12) })
            {
                using var scripted = new ScriptedModel(vocabulary, endAt);
                string text = Run(scripted, 1.0, maxLength);
                if (scripted.Problem is { } problem) return new StepVerdict(false, Words.Text(problem));
                string expected = endAt <= maxLength ? "abcde" : new([.. Enumerable.Range(0, maxLength).Select(i => (char)('a' + i % 8))]);
                if (text.Length != expected.Length && endAt > maxLength)
                    return new StepVerdict(false, Words.Format("sampling.length", maxLength, text.Length));
                if (text != expected)
                    return new StepVerdict(false, Words.Format("sampling.wrong-text", text, expected));
            }

            using var odds = new OddsModel(vocabulary);
            double Rare(double temperature)
            {
                string text = Run(odds, temperature, Draws);
                return text.Length == Draws ? text.Count(c => c == 'a') / (double)Draws
                    : throw new InvalidOperationException(Words.Format("sampling.length", Draws, text.Length));
            }
            double cold = Rare(0.5), hot = Rare(2.0);
            double expectedCold = 1 / (1 + Math.Pow(3, 1 / 0.5)), expectedHot = 1 / (1 + Math.Pow(3, 1 / 2.0));
            bool Near(double value, double target) => Math.Abs(value - target) < 0.05;
            object[] shares = [cold, hot, expectedCold, expectedHot];
            if (cold < 0.02 && hot < 0.02) return new StepVerdict(false, Words.Text("sampling.greedy"));
            if (Near(cold, 0.25) && Near(hot, 0.25)) return new StepVerdict(false, Words.Format("sampling.temperature-ignored", shares));
            if (Near(cold, expectedHot) && Near(hot, expectedCold)) return new StepVerdict(false, Words.Format("sampling.temperature-inverted", shares));
            if (!Near(cold, expectedCold) || !Near(hot, expectedHot)) return new StepVerdict(false, Words.Format("sampling.temperature-off", shares));
            if (Run(odds, 1.0, 50, seed: 5) != Run(odds, 1.0, 50, seed: 5)) return new StepVerdict(false, Words.Text("sampling.not-seeded"));
            return new StepVerdict(true, Words.Format("sampling.passed", shares));
        }
        catch (NotImplementedException e)
        {
            return new StepVerdict(false, Words.Format("step.stub", e.Message));
        }
        catch (Exception e)
        {
            return new StepVerdict(false, Words.Format("sampling.failed", e.Message.Split('\n')[0].Trim()));
        }
        finally
        {
            random.set_rng_state(saved);
        }
    }

    /// <summary>
    /// A model whose next token is certain: the letter after the one it reads (a after Start), and End at step
    /// <paramref name="endAt"/>. Its state holds how many steps it has read, so it sees whether a loop reads on from the
    /// state it returned (or reads the whole text again from Start), feeds back the token it drew, and stops at End.
    /// </summary>
    sealed class ScriptedModel(CharVocabulary vocabulary, int endAt) : LanguageModel(nameof(ScriptedModel))
    {
        int calls, stepsRead;
        long certain = CharVocabulary.Start;

        /// <summary>The key of the first thing the loop did wrong, or null.</summary>
        public string? Problem { get; private set; }

        public override (Tensor Scores, (Tensor H, Tensor C) State) forward(Tensor tokens, (Tensor H, Tensor C)? state)
        {
            long[] input = [.. tokens.flatten().data<long>()];
            int read = state is { } s ? (int)s.H.flatten()[0].item<float>() : 0;
            if (calls++ == 0)
            {
                if (state is not null || input is not [CharVocabulary.Start]) Problem ??= "sampling.first-input";
            }
            else
            {
                if (certain == CharVocabulary.End) Problem ??= "sampling.past-end";
                bool readsOn = state is not null && read == stepsRead;
                bool readsAgain = state is null && input.Length == stepsRead + 1 && input[0] == CharVocabulary.Start;
                if (input.Length == 0 || input[^1] != certain) Problem ??= "sampling.token-not-fed";
                if (!readsOn && !readsAgain) Problem ??= "sampling.state-not-fed";
            }
            var scores = zeros(1, input.Length, vocabulary.Count);
            for (int t = 0; t < input.Length; t++)
            {
                int step = read + t + 1;
                certain = step == endAt ? CharVocabulary.End : After(input[t]);
                scores[0, t, certain] = 40f;
            }
            stepsRead = read + input.Length;
            return (scores, (full(1, 1, 1, (float)stepsRead), zeros(1, 1, 1)));
        }

        long After(long token) => vocabulary.Encode(token >= CharVocabulary.Unknown + 1 && vocabulary.Character(token) is var c and < 'h'
            ? ((char)(c + 1)).ToString() : "a")[0];
    }

    /// <summary>A model that gives a and b the odds 1 : 3 at every step, whatever it reads, and never End.</summary>
    sealed class OddsModel(CharVocabulary vocabulary) : LanguageModel(nameof(OddsModel))
    {
        public override (Tensor Scores, (Tensor H, Tensor C) State) forward(Tensor tokens, (Tensor H, Tensor C)? state)
        {
            var scores = full(1, tokens.numel(), vocabulary.Count, -60f);
            scores[.., .., vocabulary.Encode("a")[0]] = 0;
            scores[.., .., vocabulary.Encode("b")[0]] = (float)Math.Log(3);
            return (scores, (zeros(1, 1, 1), zeros(1, 1, 1)));
        }
    }
}
