using System.Diagnostics;
using Lessons.Batching;
using Lessons.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Trains a classifier (anything with forward(tokens [B,T], lengths [B]) -> logits [B, classes]) on encoded
/// examples: Adam, optional clipping and schedule, bucketed batches, a DisposeScope around every step.
/// After every epoch it evaluates the TEST split and appends an <see cref="EpochMetrics"/> to <see cref="History"/>.
/// It never prints: progress goes out as <see cref="ProgressChanged"/> events (throttled) and
/// <see cref="EpochCompleted"/>, for a console bar or a live notebook display alike.
/// </summary>
public sealed class Trainer
{
    readonly nn.Module<Tensor, Tensor, Tensor> model;
    readonly List<EpochMetrics> epochs = [];
    int finalEpoch;

    public Trainer(nn.Module<Tensor, Tensor, Tensor> model, IReadOnlyList<string> classes, TrainerOptions? options = null, string name = "model")
    {
        this.model = model;
        Classes = classes;
        Options = options ?? new TrainerOptions();
        Name = name;
        Parameters = model.parameters().Sum(p => p.numel());
    }

    /// <summary>A trainer for an AG News classifier (classes World, Sports, Business, Sci/Tech).</summary>
    public Trainer(nn.Module<Tensor, Tensor, Tensor> model, TrainerOptions? options = null, string name = "model")
        : this(model, Data.AgNews.Classes, options, name) { }

    public string Name { get; }
    public TrainerOptions Options { get; }
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Number of trainable numbers in the model.</summary>
    public long Parameters { get; }
    /// <summary>The epochs trained so far, with their test metrics.</summary>
    public History History => new(Name, Parameters, [.. epochs]);
    /// <summary>Where the time of each epoch went (same order as the epochs).</summary>
    public IReadOnlyList<PhaseTimings> Timings => timings;
    readonly List<PhaseTimings> timings = [];
    /// <summary>Validation accuracy per epoch, when <see cref="TrainerOptions.ValidationShare"/> holds out a part of the training split.</summary>
    public IReadOnlyList<double> ValidationAccuracy => validation;
    readonly List<double> validation = [];
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

        var (fit, held) = HoldOut(train, o.ValidationShare, o.Seed);
        var sampler = new BucketSampler(fit, o.BatchSize, o.Seed, o.Bucketed);
        int[] lengths = [.. fit.Select(e => e.Length)];
        using var optimizer = new SparseAwareAdam(model.parameters(), o.LearningRate, o.WeightDecay);
        long totalSteps = (long)sampler.BatchesPerEpoch * o.Epochs;

        double bestValidation = double.NegativeInfinity;
        Dictionary<string, Tensor>? bestWeights = null, averageWeights = null;
        int sinceBest = 0, averaged = 0;
        try
        {
            // A second Fit continues the history: epochs keep counting, batch orders stay fresh.
            int first = epochs.Count + 1, final = finalEpoch = epochs.Count + o.Epochs;
            for (int epoch = first; epoch <= final; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                var plan = sampler.Epoch(epoch - 1);
                var (trainLoss, trainAccuracy, seconds, phases) = RunEpoch(fit, plan, epoch, optimizer, totalSteps, device, progress, cancellation);
                timings.Add(phases);
                if (o.AverageLastEpochs > 1 && epoch > final - o.AverageLastEpochs)
                {
                    averageWeights = Accumulate(averageWeights, ++averaged);
                    if (epoch == final) Restore(averageWeights);
                }

                if (held.Count > 0)
                {
                    var v = Evaluator.Predict(model, held, o.EvaluationBatchSize, device, out _);
                    double accuracy = held.Where((e, i) => v[i] == e.Label).Count() / (double)held.Count;
                    validation.Add(accuracy);
                    if (accuracy > bestValidation)
                    {
                        bestValidation = accuracy;
                        sinceBest = 0;
                        KeptEpoch = epoch;
                        DisposeAll(bestWeights);
                        bestWeights = Snapshot();
                    }
                    else sinceBest++;
                }
                else KeptEpoch = epoch;

                bool last = epoch == final || (o.Patience > 0 && sinceBest >= o.Patience);
                var evaluation = Evaluator.Evaluate(model, test, Classes, o.EvaluationBatchSize, device);
                var metrics = new EpochMetrics(epoch, (long)fit.Count * epoch, trainLoss, trainAccuracy, evaluation,
                    seconds, fit.Count / seconds, PaddingStats.Share(lengths, plan));
                epochs.Add(metrics);
                EpochCompleted?.Invoke(metrics);
                if (last) break;
            }
            if (bestWeights is not null && KeptEpoch != epochs[^1].Epoch) Restore(bestWeights);
        }
        finally
        {
            DisposeAll(bestWeights);
            DisposeAll(averageWeights);
        }
        return History;
    }

    (double Loss, double Accuracy, double Seconds, PhaseTimings Phases) RunEpoch(
        IReadOnlyList<EncodedExample> examples, IReadOnlyList<int[]> plan, int epoch, SparseAwareAdam optimizer,
        long totalSteps, Device device, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var o = Options;
        model.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        double batching = 0, forward = 0, backward = 0, optimizing = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;

        foreach (int[] indices in plan)
        {
            cancellation.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                optimizer.LearningRate = RateAt(optimizer.Steps, totalSteps);
                long t0 = Stopwatch.GetTimestamp();
                var batch = BatchBuilder.Build(examples, indices, device);
                long t1 = Stopwatch.GetTimestamp();
                var tokens = o.WordDropout > 0 ? DropWords(batch.Tokens, o.WordDropout) : batch.Tokens;
                var logits = model.forward(tokens, batch.Lengths);
                var loss = nn.functional.cross_entropy(logits, batch.Labels, label_smoothing: o.LabelSmoothing);
                long t2 = Stopwatch.GetTimestamp();
                optimizer.ZeroGrad();
                loss.backward();
                long t3 = Stopwatch.GetTimestamp();
                optimizer.Step(o.ClipNorm);
                long t4 = Stopwatch.GetTimestamp();

                lossSum += loss.item<float>() * indices.Length;
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                seen += indices.Length;
                batching += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
                forward += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
                backward += Stopwatch.GetElapsedTime(t2, t3).TotalSeconds;
                optimizing += Stopwatch.GetElapsedTime(t3, t4).TotalSeconds;
            }

            bool end = seen == examples.Count;
            if (end || clock.Elapsed - lastReport >= o.ProgressInterval)
            {
                lastReport = clock.Elapsed;
                var report = new TrainingProgress(Name, epoch, finalEpoch, (long)examples.Count * (epoch - 1) + seen, seen,
                    examples.Count, lossSum / seen, (double)correct / seen, seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
                ProgressChanged?.Invoke(report);
                progress?.Report(report);
            }
        }
        // Free the last step's gradients now rather than at the next epoch's first step.
        optimizer.ZeroGrad();
        double seconds = clock.Elapsed.TotalSeconds;
        var phases = new PhaseTimings(batching, forward, backward, optimizing,
            Math.Max(0, seconds - batching - forward - backward - optimizing));
        return (lossSum / seen, (double)correct / seen, seconds, phases);
    }

    /// <summary>Replaces each real token (not padding) by &lt;unk&gt; with probability p.</summary>
    static Tensor DropWords(Tensor tokens, double p)
    {
        var drop = rand(tokens.shape, device: tokens.device).lt(p).logical_and(tokens.ne(Text.Vocabulary.Pad));
        return tokens.masked_fill(drop, Text.Vocabulary.Unk);
    }

    double RateAt(long step, long totalSteps) => Options.Schedule switch
    {
        LearningRateSchedule.Cosine => Options.LearningRate * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (double)step / totalSteps)))),
        _ => Options.LearningRate,
    };

    /// <summary>A seeded split of the training examples into (fit, validation).</summary>
    static (IReadOnlyList<EncodedExample> Fit, IReadOnlyList<EncodedExample> Validation) HoldOut(
        IReadOnlyList<EncodedExample> train, double share, int seed)
    {
        if (share <= 0) return (train, []);
        if (share >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "The validation share must be below 1.");
        int[] order = [.. Enumerable.Range(0, train.Count)];
        new Random(StableSeed.Combine(seed, 0xba1)).Shuffle(order);
        int held = (int)Math.Round(train.Count * share);
        return ([.. order.Skip(held).Order().Select(i => train[i])], [.. order.Take(held).Order().Select(i => train[i])]);
    }

    Dictionary<string, Tensor> Snapshot()
    {
        using var noGrad = no_grad();
        return model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }

    /// <summary>Folds the current weights into a running mean of <paramref name="count"/> snapshots (the first call starts it).</summary>
    Dictionary<string, Tensor> Accumulate(Dictionary<string, Tensor>? mean, int count)
    {
        if (mean is null) return Snapshot();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (key, value) in model.state_dict())
            if (value.is_floating_point()) mean[key].add_(value.detach().sub(mean[key]), alpha: 1.0 / count);
        return mean;
    }

    void Restore(Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        foreach (var (key, value) in model.state_dict()) value.copy_(weights[key]);
    }

    static void DisposeAll(Dictionary<string, Tensor>? weights)
    {
        if (weights is null) return;
        foreach (var t in weights.Values) t.Dispose();
        weights.Clear();
    }
}
