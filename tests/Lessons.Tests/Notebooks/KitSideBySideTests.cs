using System.Collections.Concurrent;
using Lessons.Notebooks;
using Lessons.Runtime;
using Lessons.Tests.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Tests.Notebooks;

/// <summary>Kit.SideBySide: trainings written in a notebook, run one per core, give the numbers they give one after another.</summary>
[Collection(SeededTorchCollection.Name)]   // the models are built under manual_seed
public sealed class KitSideBySideTests
{
    public KitSideBySideTests() => TorchRuntime.EnsureReady();

    static Linear Build(int seed)
    {
        manual_seed(seed);
        return nn.Linear(8, 1);
    }

    /// <summary>An open loop as a notebook writes it: full-batch Adam on fixed data, a DisposeScope per step.</summary>
    static float[] Train(Linear model, Tensor x, Tensor y, int epochs, Action<int> epochDone)
    {
        using var optimizer = optim.Adam(model.parameters(), lr: 0.05);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            for (int step = 0; step < 20; step++)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.call(x), y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            epochDone(epoch);
        }
        return model.weight.data<float>().ToArray();
    }

    [Fact]
    public void Open_trainings_side_by_side_give_the_weights_they_give_one_after_another_and_report_every_epoch()
    {
        manual_seed(99);
        using var x = randn(256, 8);
        using var y = randn(256, 1);
        int[] seeds = [0, 1, 2, 3];
        var alone = seeds.Select(seed => Train(Build(seed), x, y, 3, _ => { })).ToArray();

        var models = seeds.Select(Build).ToList();
        var reported = new ConcurrentBag<(int Seed, int Epoch)>();
        var sideBySide = Kit.SideBySide(seeds, seed => $"seed {seed}", epochs: 3,
            (seed, epochDone) => Train(models[seed], x, y, 3, epoch => { reported.Add((seed, epoch)); epochDone(epoch); }));

        Assert.Equal(alone, sideBySide);
        Assert.NotEqual(alone[0], alone[1]);
        Assert.Equal(seeds.SelectMany(s => new[] { (s, 1), (s, 2), (s, 3) }).Order(), reported.Order());
    }
}
