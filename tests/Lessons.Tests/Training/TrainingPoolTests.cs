using Lessons.Models;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

/// <summary>
/// Trainings side by side (<see cref="TrainingPool"/>) give exactly the histories they give one after another, because
/// each draws from its own generator (<see cref="TrainingRandomness"/>) and Fit sets no process-wide state.
/// </summary>
[Collection(SeededTorchCollection.Name)]
public sealed class TrainingPoolTests
{
    public TrainingPoolTests() => Lessons.Runtime.TorchRuntime.EnsureReady();

    /// <summary>Every source of randomness a training has: dropout on the embeddings, between layers (the kit's kernel)
    /// and before the output, word dropout, shuffling, the validation part.</summary>
    static (ClassifierOptions Model, TrainerOptions Training) Setting(int seed, CellKind kind) => (
        new ClassifierOptions
        {
            Kind = kind, VocabularySize = OrderTask.VocabularySize, Embedding = 16, Hidden = 16, Classes = 2,
            Layers = 2, LayerDropout = 0.3, Dropout = 0.4, Packed = true, Bidirectional = true,
        },
        new TrainerOptions
        {
            Epochs = 2, BatchSize = 16, LearningRate = 1e-2, Seed = seed, Threads = 1, WordDropout = 0.1, ValidationShare = 0.2,
            ProgressInterval = TimeSpan.Zero,
        });

    static readonly (int Seed, CellKind Kind)[] Trainings = [(1, CellKind.Lstm), (2, CellKind.Gru), (3, CellKind.Lstm)];

    static RecurrentClassifier Build(int seed, CellKind kind)
    {
        manual_seed(seed);
        return new RecurrentClassifier(Setting(seed, kind).Model);
    }

    static History Fit(RecurrentClassifier model, int seed, CellKind kind) =>
        new Trainer(model, OrderTask.Classes, Setting(seed, kind).Training).Fit(OrderTask.Make(200, 1), OrderTask.Make(40, 2));

    static IEnumerable<object> Numbers(History history) => history.Epochs.SelectMany(e => new object[]
    {
        e.Epoch, e.TrainLoss, e.TrainAccuracy, e.Test.Loss, e.Test.Accuracy, e.Validation!.Loss, e.Validation.Accuracy,
        e.PaddingShare, e.SamplesSeen,
    }).Append(history.ChosenEpoch);

    [Fact]
    public void Trainings_side_by_side_give_every_number_they_give_one_after_another()
    {
        TrainingThreads.Apply(1);
        var sequential = Trainings.Select(t =>
        {
            using var model = Build(t.Seed, t.Kind);
            return Fit(model, t.Seed, t.Kind);
        }).ToArray();

        var models = Trainings.Select(t => Build(t.Seed, t.Kind)).ToArray();
        manual_seed(999);   // whatever the process-wide generator holds, the trainings do not draw from it
        var parallel = TrainingPool.Run([.. Trainings.Select((t, i) => (Func<History>)(() => Fit(models[i], t.Seed, t.Kind)))], width: 2);
        foreach (var model in models) model.Dispose();

        Assert.Equal(Trainings.Length, parallel.Length);
        for (int i = 0; i < Trainings.Length; i++) Assert.Equal(Numbers(sequential[i]), Numbers(parallel[i]));
        // The settings differ, so the runs do too: equal histories are not equal by accident.
        Assert.NotEqual(Numbers(parallel[0]), Numbers(parallel[2]));
    }

    [Fact]
    public void Fit_leaves_the_process_wide_seed_and_thread_count_as_they_were()
    {
        set_num_threads(2);
        manual_seed(123);
        float[] expected = rand(8).data<float>().ToArray();

        manual_seed(123);
        using (var model = Build(7, CellKind.Lstm)) { }
        manual_seed(123);
        using (var model = new RecurrentClassifier(Setting(7, CellKind.Lstm).Model with { Layers = 1, Packed = false }))
        {
            manual_seed(123);
            Fit(model, seed: 7, CellKind.Lstm);
            Assert.Equal(expected, rand(8).data<float>().ToArray());
        }
        Assert.Equal(2, get_num_threads());
        TrainingThreads.Apply(1);
    }

    [Fact]
    public void A_failing_training_fails_the_pool_with_its_own_exception()
    {
        Func<int>[] trainings = [() => 1, () => throw new InvalidOperationException("training 2 broke"), () => 3];
        var error = Assert.Throws<InvalidOperationException>(() => TrainingPool.Run(trainings, width: 2));
        Assert.Equal("training 2 broke", error.Message);
    }

    [Fact]
    public void Models_with_LibTorch_dropout_say_they_draw_from_the_process_wide_generator()
    {
        var (options, _) = Setting(0, CellKind.Lstm);
        using var kit = new RecurrentClassifier(options);
        using var libTorch = new RecurrentClassifier(options with { Engine = RecurrentEngine.LibTorch });
        using var single = new RecurrentClassifier(options with { Engine = RecurrentEngine.LibTorch, Layers = 1 });
        using var builtIn = nn.Sequential(nn.Dropout(0.5));
        Assert.True(TrainingRandomness.OwnedBy(kit));
        Assert.False(TrainingRandomness.OwnedBy(libTorch));
        Assert.True(TrainingRandomness.OwnedBy(single));
        Assert.False(TrainingRandomness.OwnedBy(builtIn));
    }
}
