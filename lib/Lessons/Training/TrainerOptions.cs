namespace Lessons.Training;

/// <summary>
/// How a <see cref="Trainer"/> trains: optimizer settings, epochs, batching, validation, seed and threads.
/// These defaults are plain ones (constant rate, no averaging, no validation part); `lessons train` and the notebooks
/// start from <see cref="Recipe.Training"/> instead.
/// </summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 32;
    /// <summary>Adam's step size.</summary>
    public double LearningRate { get; init; } = 2e-3;
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;
    /// <summary>Decoupled (AdamW-style) weight decay on dense parameters; 0 = none. Sparse embedding rows are not decayed.</summary>
    public double WeightDecay { get; init; }
    /// <summary>Rescale the gradient when its global L2 norm exceeds this; 0 = no clipping.</summary>
    public double ClipNorm { get; init; } = 1.0;
    /// <summary>
    /// Word dropout: during training each real token is replaced by &lt;unk&gt; with this probability, so the model
    /// cannot lean on any single word (0 = off). Evaluation always sees the text as it is.
    /// </summary>
    public double WordDropout { get; init; }
    /// <summary>Label smoothing of the training loss (0 = plain cross-entropy). Test loss is always plain cross-entropy.</summary>
    public double LabelSmoothing { get; init; }
    /// <summary>
    /// Weight averaging (SWA-style): the final epoch's weights are the mean of the weights after each of the last N
    /// epochs, and its metrics are those of the average (1 = off). Applies only when the run reaches its final epoch.
    /// </summary>
    public int AverageLastEpochs { get; init; } = 1;
    /// <summary>Sort by length inside shuffled chunks (<see cref="Batching.BucketSampler"/>): less padding, same randomness.</summary>
    public bool Bucketed { get; init; } = true;
    /// <summary>Seeds batch order, dropout masks and the validation part (the training's own generator; the starting
    /// weights are drawn when the model is built, see <see cref="TrainingRandomness"/>).</summary>
    public int Seed { get; init; }
    /// <summary>
    /// Intra-op threads for TorchSharp; 0 leaves TorchSharp's own choice. The count is process-wide, so the trainer
    /// does not set it: whoever starts trainings applies it once (<see cref="TrainingThreads.Apply"/>; a
    /// <see cref="TrainingPool"/> runs each training on one thread).
    /// </summary>
    public int Threads { get; init; }
    /// <summary>
    /// Share of the training split held out, per class, as the validation part (0 = none). With one, the model keeps
    /// the weights of the epoch with the best validation accuracy; without one, the last epoch's.
    /// </summary>
    public double ValidationShare { get; init; }
    /// <summary>
    /// With a validation part: stop after this many epochs in a row without a better validation accuracy
    /// (0 = never stop early).
    /// </summary>
    public int Patience { get; init; }
    public int EvaluationBatchSize { get; init; } = 256;
    /// <summary>At most one progress event per this interval (plus one at the end of each epoch).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(0.25);
}
