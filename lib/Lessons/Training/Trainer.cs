using Lessons.Batching;
using Lessons.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Trains a classifier (anything with forward(tokens [B,T], lengths [B]) -> logits [B, classes]) on encoded
/// examples: the epoch loop. With <see cref="TrainerOptions.ValidationShare"/> above 0 it first carves a validation
/// part out of the training split (<see cref="ValidationSplit"/>: seeded, stratified) and trains on the rest. Each
/// epoch's steps are an <see cref="EpochRunner"/>'s; after them come the weight averaging of the last epochs
/// (<see cref="LastEpochsAverage"/>), the evaluation of the validation part, which alone decides which epoch's weights
/// the model keeps and when to stop early (<see cref="BestEpochKeeper"/>), and the evaluation of the test split,
/// reported but never used to choose. Each epoch is appended to <see cref="History"/> as an
/// <see cref="EpochMetrics"/>; <see cref="History.ChosenEpoch"/> names the epoch whose weights the model ends with.
/// It never prints: progress goes out as <see cref="ProgressChanged"/> events (throttled) and
/// <see cref="EpochCompleted"/>, for a console bar or a live notebook display alike.
/// </summary>
public sealed class Trainer
{
    readonly nn.Module<Tensor, Tensor, Tensor> model;
    readonly List<EpochMetrics> epochs = [];
    readonly List<PhaseTimings> timings = [];
    int chosenEpoch;

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
    /// <summary>The epochs trained so far, with their validation and test metrics, and the epoch the model holds.</summary>
    public History History => new(Name, Parameters, [.. epochs], chosenEpoch);
    /// <summary>Where the time of each epoch went (same order as the epochs).</summary>
    public IReadOnlyList<PhaseTimings> Timings => timings;

    /// <summary>Raised at most every <see cref="TrainerOptions.ProgressInterval"/> while an epoch runs, and at its end.</summary>
    public event Action<TrainingProgress>? ProgressChanged;
    /// <summary>Raised after each epoch's evaluations (validation and test).</summary>
    public event Action<EpochMetrics>? EpochCompleted;

    /// <summary>
    /// Trains for <see cref="TrainerOptions.Epochs"/> epochs (fewer when early stopping triggers) and returns the history.
    /// The model ends up on <see cref="TorchRuntime.Device"/>, holding the weights of the chosen epoch. Calling Fit again trains further: the history grows and
    /// epochs keep counting (the optimizer starts afresh, and so does the random stream).
    /// Fit draws every random number from a generator of its own, seeded with <see cref="TrainerOptions.Seed"/>
    /// (<see cref="TrainingRandomness"/>), and leaves TorchSharp's thread count alone (<see cref="TrainingThreads"/>):
    /// trainings of different models may run on different threads at once.
    /// </summary>
    public History Fit(IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample> test,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var device = TorchRuntime.EnsureReady();
        if (train.Count == 0) throw new ArgumentException("The training split is empty.", nameof(train));
        if (test.Count == 0) throw new ArgumentException("The test split is empty.", nameof(test));
        var o = Options;
        model.to(device);
        // This training's own random stream (dropout masks, word dropout): see TrainingRandomness. Fit sets no
        // process-wide state, neither the seed nor the thread count (TrainingThreads), so trainings may run side by side.
        using var generator = new Generator((ulong)o.Seed, device);
        using var lent = TrainingRandomness.Lend(model, generator);

        var (fit, validation) = ValidationSplit.Carve(train, o.ValidationShare, o.Seed);
        var sampler = new BucketSampler(fit, o.BatchSize, o.Seed, o.Bucketed);
        int[] lengths = [.. fit.Select(e => e.Length)];
        using var optimizer = new SparseAwareAdam(model.parameters(), o.LearningRate, o.WeightDecay);
        var runner = new EpochRunner(model, o, optimizer, (long)sampler.BatchesPerEpoch * o.Epochs, device, generator);
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

            var validationMetrics = validation.Count > 0 ? Evaluate(validation, device) : null;
            if (validationMetrics is null) chosenEpoch = epoch;
            else
            {
                best.Offer(epoch, validationMetrics.Accuracy);
                chosenEpoch = best.Epoch;
            }

            var metrics = new EpochMetrics(epoch, (long)fit.Count * epoch, result.Loss, result.Accuracy,
                Evaluate(test, device), result.Seconds, fit.Count / result.Seconds, PaddingStats.Share(lengths, plan),
                validationMetrics);
            epochs.Add(metrics);
            EpochCompleted?.Invoke(metrics);
            if (best.PatienceExhausted) break;
        }
        best.RestoreUnlessLast(epochs[^1].Epoch);
        return History;
    }

    Evaluation Evaluate(IReadOnlyList<EncodedExample> examples, Device device) =>
        Evaluator.Evaluate(model, examples, Classes, Options.EvaluationBatchSize, device);

    void Report(TrainingProgress report, IProgress<TrainingProgress>? progress)
    {
        ProgressChanged?.Invoke(report);
        progress?.Report(report);
    }
}
