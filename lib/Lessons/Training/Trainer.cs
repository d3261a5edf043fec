using Lessons.Batching;
using Lessons.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Trains a classifier (anything with forward(tokens [B,T], lengths [B]) -> logits [B, classes]) on encoded
/// examples: the epoch loop. Each epoch's steps are an <see cref="EpochRunner"/>'s; after them come the weight
/// policies (<see cref="LastEpochsAverage"/>, <see cref="BestEpochKeeper"/>) and the evaluation of the TEST split,
/// appended to <see cref="History"/> as an <see cref="EpochMetrics"/>.
/// It never prints: progress goes out as <see cref="ProgressChanged"/> events (throttled) and
/// <see cref="EpochCompleted"/>, for a console bar or a live notebook display alike.
/// </summary>
public sealed class Trainer
{
    readonly nn.Module<Tensor, Tensor, Tensor> model;
    readonly List<EpochMetrics> epochs = [];
    readonly List<PhaseTimings> timings = [];
    readonly List<double> validation = [];

    /// <param name="classes">The class names, in label order (the rows and columns of the confusion matrices).</param>
    public Trainer(nn.Module<Tensor, Tensor, Tensor> model, IReadOnlyList<string> classes, TrainerOptions? options = null, string name = "model")
    {
        this.model = model;
        Classes = classes;
        Options = options ?? new TrainerOptions();
        Name = name;
        Parameters = model.parameters().Sum(p => p.numel());
    }

    public string Name { get; }
    public TrainerOptions Options { get; }
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Number of trainable numbers in the model.</summary>
    public long Parameters { get; }
    /// <summary>The epochs trained so far, with their test metrics.</summary>
    public History History => new(Name, Parameters, [.. epochs]);
    /// <summary>Where the time of each epoch went (same order as the epochs).</summary>
    public IReadOnlyList<PhaseTimings> Timings => timings;
    /// <summary>Validation accuracy per epoch, when <see cref="TrainerOptions.ValidationShare"/> holds out a part of the training split.</summary>
    public IReadOnlyList<double> ValidationAccuracy => validation;
    /// <summary>The epoch (1-based) whose weights the model holds after <see cref="Fit"/>: the last, or the best on validation.</summary>
    public int KeptEpoch { get; private set; }

    /// <summary>Raised at most every <see cref="TrainerOptions.ProgressInterval"/> while an epoch runs, and at its end.</summary>
    public event Action<TrainingProgress>? ProgressChanged;
    /// <summary>Raised after each epoch's test evaluation.</summary>
    public event Action<EpochMetrics>? EpochCompleted;

    /// <summary>
    /// Trains for <see cref="TrainerOptions.Epochs"/> epochs (fewer when early stopping triggers) and returns the history.
    /// The model ends up on <see cref="TorchRuntime.Device"/>. Calling Fit again trains further: the history grows and
    /// epochs keep counting (the optimizer starts afresh).
    /// </summary>
    public History Fit(IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample> test,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var device = TorchRuntime.EnsureReady();
        if (train.Count == 0) throw new ArgumentException("The training split is empty.", nameof(train));
        if (test.Count == 0) throw new ArgumentException("The test split is empty.", nameof(test));
        var o = Options;
        if (o.Threads > 0) set_num_threads(o.Threads);
        random.manual_seed(o.Seed);
        model.to(device);

        var (fit, held) = ValidationSplit.Carve(train, o.ValidationShare, o.Seed);
        var sampler = new BucketSampler(fit, o.BatchSize, o.Seed, o.Bucketed);
        int[] lengths = [.. fit.Select(e => e.Length)];
        using var optimizer = new SparseAwareAdam(model.parameters(), o.LearningRate, o.WeightDecay);
        var runner = new EpochRunner(model, o, optimizer, (long)sampler.BatchesPerEpoch * o.Epochs, device);
        // A second Fit continues the history: epochs keep counting, batch orders stay fresh.
        int first = epochs.Count + 1, final = epochs.Count + o.Epochs;
        using var average = new LastEpochsAverage(model, o.AverageLastEpochs, final);
        using var best = new BestEpochKeeper(model, o.Patience);

        for (int epoch = first; epoch <= final; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var plan = sampler.Epoch(epoch - 1);
            var result = runner.Run(fit, plan, (seen, loss, accuracy, speed) =>
                Report(new TrainingProgress(Name, epoch, final, (long)fit.Count * (epoch - 1) + seen, seen, fit.Count,
                    loss, accuracy, speed), progress), cancellation);
            timings.Add(result.Phases);
            average.AfterEpoch(epoch);

            if (held.Count > 0)
            {
                var accuracy = Evaluator.Evaluate(model, held, Classes, o.EvaluationBatchSize, device).Accuracy;
                validation.Add(accuracy);
                best.Offer(epoch, accuracy);
                KeptEpoch = best.Epoch;
            }
            else KeptEpoch = epoch;

            var metrics = new EpochMetrics(epoch, (long)fit.Count * epoch, result.Loss, result.Accuracy,
                Evaluator.Evaluate(model, test, Classes, o.EvaluationBatchSize, device),
                result.Seconds, fit.Count / result.Seconds, PaddingStats.Share(lengths, plan));
            epochs.Add(metrics);
            EpochCompleted?.Invoke(metrics);
            if (best.PatienceExhausted) break;
        }
        best.RestoreUnlessLast(epochs[^1].Epoch);
        return History;
    }

    void Report(TrainingProgress report, IProgress<TrainingProgress>? progress)
    {
        ProgressChanged?.Invoke(report);
        progress?.Report(report);
    }
}
