using Lessons.Models;
using Lessons.Notebooks;
using Lessons.Training;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// LESSONS_SEED_BASE shifts every seed of the lesson calls, and LESSONS_ENGINE picks the recurrent engine: a teacher's
/// re-run "as another machine". In the notebook collection, which runs alone, because they are environment variables.
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed class SeedBaseTests
{
    public SeedBaseTests() => Lessons.Runtime.TorchRuntime.EnsureReady();

    static IEnumerable<object> Numbers(LongMemoryRuns runs) => runs.Runs.SelectMany(r =>
        r.History.Epochs.SelectMany(e => new object[] { r.Model, r.Distractors, e.TrainLoss, e.Test.Loss, e.Test.Accuracy }));

    static LongMemoryRuns Tiny(int seed) => Lesson.LongMemory([2], trainTexts: 48, testTexts: 16, epochs: 1, seed: seed);

    static T With<T>(string variable, string? value, Func<T> run)
    {
        string? before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        try { return run(); }
        finally { Environment.SetEnvironmentVariable(variable, before); }
    }

    [Fact]
    public void The_seed_base_shifts_every_seed_of_a_lesson_call()
    {
        var shifted = With(Kit.SeedBaseVariable, "5", () => Tiny(seed: 0));
        var fiveWithoutBase = With(Kit.SeedBaseVariable, null, () => Tiny(seed: 5));
        var zero = With(Kit.SeedBaseVariable, null, () => Tiny(seed: 0));

        Assert.Equal(Numbers(fiveWithoutBase), Numbers(shifted));
        Assert.NotEqual(Numbers(zero), Numbers(shifted));
    }

    [Fact]
    public void The_long_memory_trainings_run_side_by_side_and_say_so()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try { With(Kit.SeedBaseVariable, null, () => Tiny(seed: 0)); }
        finally { Console.SetOut(original); }

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        // One line per finished epoch, each naming its training, then the line that says how they ran.
        Assert.Equal(["GRU, 2 distractors", "LSTM, 2 distractors", "RNN, 2 distractors"],
            lines[..^1].Select(l => l[..l.IndexOf(" epoch 1:", StringComparison.Ordinal)]).Order());
        int width = TrainingPool.Width(3);
        Assert.Equal($"3 trainings ran side by side, {width} at a time (this machine has {Environment.ProcessorCount} cores)", lines[^1]);
    }

    [Fact]
    public void The_notebooks_seed_through_the_kit_so_the_base_moves_their_starting_weights_too()
    {
        float[] Drawn(string? seedBase) => With(Kit.SeedBaseVariable, seedBase, () =>
        {
            Kit.ManualSeed(0);
            using var values = TorchSharp.torch.randn(4);
            return values.data<float>().ToArray();
        });
        TorchSharp.torch.manual_seed(5);
        using var five = TorchSharp.torch.randn(4);
        Assert.Equal(five.data<float>().ToArray(), Drawn("5"));
        Assert.NotEqual(Drawn(null), Drawn("5"));

        // No notebook cell seeds TorchSharp around the kit (a bare manual_seed would ignore the base).
        var bare = new System.Text.RegularExpressions.Regex(@"(?<![.\w])manual_seed\(");
        var found = RepositoryNotebooks.All().SelectMany(notebook => RepositoryNotebooks.CodeCells(notebook)
            .Where(c => bare.IsMatch(c.Source)).Select(c => $"{notebook} cell {c.Cell}"));
        Assert.Empty(found);
    }

    [Fact]
    public void A_perturbed_run_keeps_its_models_apart_from_the_reference_runs()
    {
        string Folder(string? seedBase, string? engine) => With(Kit.QuickVariable, null, () => With(Kit.SeedBaseVariable, seedBase,
            () => With(Kit.EngineVariable, engine, () => Path.GetFileName(Lesson.CheckpointFolder("lstm")))));
        Assert.Equal("lstm", Folder(null, null));
        Assert.Equal("lstm-seed100", Folder("100", null));
        Assert.Equal("lstm-libtorch", Folder(null, "libtorch"));
        Assert.Equal("lstm-seed-3-libtorch", Folder("-3", "LibTorch"));
    }

    [Fact]
    public void Bad_settings_are_refused_in_one_line()
    {
        var seed = Assert.Throws<ArgumentException>(() => With(Kit.SeedBaseVariable, "ten", () => Kit.Seed(0)));
        Assert.Equal("LESSONS_SEED_BASE must be a whole number, such as 100 (got \"ten\").", seed.Message);
        var engine = Assert.Throws<ArgumentException>(() => With(Kit.EngineVariable, "cuda", () => Kit.Engine));
        Assert.Equal("LESSONS_ENGINE must be auto, kit or libtorch (got \"cuda\").", engine.Message);
    }

    [Fact]
    public void The_engine_setting_reaches_the_lesson_models()
    {
        Assert.Equal(RecurrentEngine.LibTorch, With(Kit.EngineVariable, "LibTorch", () => Kit.Engine));
        Assert.Equal(RecurrentEngine.Auto, With(Kit.EngineVariable, null, () => Kit.Engine));
        Assert.Equal(7, With(Kit.SeedBaseVariable, "-3", () => Kit.Seed(10)));
    }
}
