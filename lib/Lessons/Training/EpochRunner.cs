using System.Diagnostics;
using Lessons.Batching;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>What one pass over the training examples gave: running loss and accuracy, time, and where the time went.</summary>
readonly record struct EpochResult(double Loss, double Accuracy, double Seconds, PhaseTimings Phases);

/// <summary>
/// One pass over the training examples, step by step: build the batch, drop words, forward, cross-entropy, backward,
/// clip and step, each step inside its own DisposeScope, with the learning rate the schedule gives for the step.
/// Reports throttled progress through a callback; knows nothing of epochs beyond the one it runs.
/// </summary>
sealed class EpochRunner(
    nn.Module<Tensor, Tensor, Tensor> model, TrainerOptions options, SparseAwareAdam optimizer, long totalSteps, Device device,
    Generator generator)
{
    /// <summary>
    /// Trains on <paramref name="examples"/> in the order of <paramref name="plan"/> (one index array per batch).
    /// <paramref name="report"/> gets (samples seen in this epoch, running loss, running accuracy, samples per second)
    /// at most every <see cref="TrainerOptions.ProgressInterval"/>, and once at the end.
    /// </summary>
    public EpochResult Run(IReadOnlyList<EncodedExample> examples, IReadOnlyList<int[]> plan,
        Action<long, double, double, double> report, CancellationToken cancellation)
    {
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
                optimizer.LearningRate = RateAt(optimizer.Steps);
                long t0 = Stopwatch.GetTimestamp();
                var batch = BatchBuilder.Build(examples, indices, device);
                long t1 = Stopwatch.GetTimestamp();
                var tokens = options.WordDropout > 0 ? DropWords(batch.Tokens, options.WordDropout, generator) : batch.Tokens;
                var logits = model.forward(tokens, batch.Lengths);
                var loss = nn.functional.cross_entropy(logits, batch.Labels, label_smoothing: options.LabelSmoothing);
                long t2 = Stopwatch.GetTimestamp();
                optimizer.ZeroGrad();
                loss.backward();
                long t3 = Stopwatch.GetTimestamp();
                optimizer.Step(options.ClipNorm);
                long t4 = Stopwatch.GetTimestamp();

                lossSum += loss.item<float>() * indices.Length;
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                seen += indices.Length;
                batching += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
                forward += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
                backward += Stopwatch.GetElapsedTime(t2, t3).TotalSeconds;
                optimizing += Stopwatch.GetElapsedTime(t3, t4).TotalSeconds;
            }

            if (seen == examples.Count || clock.Elapsed - lastReport >= options.ProgressInterval)
            {
                lastReport = clock.Elapsed;
                report(seen, lossSum / seen, (double)correct / seen, seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
            }
        }
        // Free the last step's gradients now rather than at the next epoch's first step.
        optimizer.ZeroGrad();
        double seconds = clock.Elapsed.TotalSeconds;
        var phases = new PhaseTimings(batching, forward, backward, optimizing,
            Math.Max(0, seconds - batching - forward - backward - optimizing));
        return new EpochResult(lossSum / seen, (double)correct / seen, seconds, phases);
    }

    /// <summary>Replaces each real token (not padding) by &lt;unk&gt; with probability p (drawn from the training's generator).</summary>
    static Tensor DropWords(Tensor tokens, double p, Generator generator)
    {
        // Explicit Scalars, alive until the calls return (see SequenceReadout.Max).
        using Scalar share = p.ToScalar(), pad = Text.Vocabulary.Pad.ToScalar(), unk = Text.Vocabulary.Unk.ToScalar();
        var drop = rand(tokens.shape, device: tokens.device, generator: generator).lt(share).logical_and(tokens.ne(pad));
        return tokens.masked_fill(drop, unk);
    }

    double RateAt(long step) => options.Schedule switch
    {
        LearningRateSchedule.Cosine => options.LearningRate *
            (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (double)step / totalSteps)))),
        _ => options.LearningRate,
    };
}
