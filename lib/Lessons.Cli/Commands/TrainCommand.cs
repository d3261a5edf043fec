using System.CommandLine;
using Lessons.Batching;
using Lessons.Data;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Training;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Cli.Commands;

/// <summary>`lessons train`: trains one classifier on AG News (or the user's own data) with a progress bar, a table per epoch, and optionally JSON and a checkpoint.</summary>
public static class TrainCommand
{
    /// <summary>The largest --batch: half the full AG News's training split, far beyond any useful batch, and well
    /// inside the sampler's int arithmetic (2,147,483,647 overflowed it).</summary>
    public const int MaxBatch = 65_536;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "rnn, lstm, gru (or bow, the bag-of-words baseline)", DefaultValueFactory = _ => ModelKinds.Name(ModelKind.Lstm) }
            .Require(name => ModelKinds.TryParse(name, out _), $"one of {string.Join(", ", ModelKinds.Names)}");
        var bidirectional = new Option<bool>("--bidirectional") { Description = "read each headline in both directions" };
        var layers = new Option<int>("--layers") { Description = "stacked recurrent layers", DefaultValueFactory = _ => 1 };
        var packed = new Option<bool>("--packed") { Description = "feed the recurrent layer packed sequences instead of the padded batch" };
        var defaults = Recipe.Training;
        var shape = Recipe.Classifier(CellKind.Lstm, vocabularySize: 2);
        var epochs = new Option<int>("--epochs") { Description = "passes over the training split", DefaultValueFactory = _ => defaults.Epochs };
        var batch = new Option<int>("--batch") { Description = "headlines per batch", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => defaults.LearningRate };
        var embed = new Option<int>("--embed") { Description = "embedding size", DefaultValueFactory = _ => shape.Embedding };
        var hidden = new Option<int>("--hidden") { Description = "hidden size", DefaultValueFactory = _ => shape.Hidden };
        var seed = new Option<int>("--seed") { Description = "seed for weights, batch order, dropout and the validation part", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "TorchSharp threads (0: TorchSharp's choice; 1 is fastest for these small models)", DefaultValueFactory = _ => defaults.Threads };
        var limit = new Option<int?>("--limit") { Description = "train on the first N training headlines only" };
        var save = new Option<string?>("--save") { Description = "write a checkpoint folder here" };
        var json = new Option<bool>("--json") { Description = "end with one JSON line on stdout: the run's history (per-epoch metrics, chosen epoch)" };
        var dropout = new Option<double?>("--dropout") { Description = "dropout on embeddings and before the output layer (default: the recipe's)" };
        var readout = new Option<Readout?>("--readout") { Description = "Final, Mean, Max or MaxMean over the steps (default: the recipe's)" };
        var minFreq = new Option<int>("--min-freq") { Description = "words seen fewer times become <unk>", DefaultValueFactory = _ => Recipe.MinFreq };
        var schedule = new Option<LearningRateSchedule>("--schedule") { Description = "Constant or Cosine learning rate", DefaultValueFactory = _ => defaults.Schedule };
        var report = new Option<string?>("--report") { Description = "write an HTML training report (curves, confusion matrix) into this folder" };
        var wordDropout = new Option<double>("--word-dropout") { Description = "replace this share of training tokens by <unk> (0 = off)", DefaultValueFactory = _ => defaults.WordDropout };
        var smoothing = new Option<double>("--label-smoothing") { Description = "label smoothing of the training loss", DefaultValueFactory = _ => defaults.LabelSmoothing };
        var weightDecay = new Option<double>("--weight-decay") { Description = "decoupled weight decay on dense parameters (0 = off)", DefaultValueFactory = _ => defaults.WeightDecay };
        var average = new Option<int>("--average-last") { Description = "end with the mean of the last N epochs' weights (1 = the last epoch's own)", DefaultValueFactory = _ => defaults.AverageLastEpochs };
        var embedStd = new Option<double?>("--embed-init-std") { Description = "std of the embedding's initial weights (default: the recipe's)" };
        var data = new DataCommand.DataOptions();
        var maxTokens = new Option<int>("--max-tokens") { Description = "cut each text to its first N tokens", DefaultValueFactory = _ => ExampleEncoder.DefaultMaxTokens };

        // Checked at parse time (OptionChecks): a bad value stops the command before any work, naming option and range.
        // The sizes stop where the checkpoint reader stops (ModelLimits), so that a model trained here loads again.
        layers.Between(1, ModelLimits.MaxLayers); embed.Between(1, ModelLimits.MaxWidth); hidden.Between(1, ModelLimits.MaxWidth);
        epochs.AtLeast(1); batch.Between(1, MaxBatch); limit.AtLeast(1);
        minFreq.AtLeast(1); average.AtLeast(1); maxTokens.AtLeast(1); threads.Threads(); lr.Positive(); embedStd.Positive();
        weightDecay.NotNegative(); dropout.Share(); wordDropout.Share(); smoothing.Share();
        save.CheckpointTarget(); report.WritableFolder();

        var command = new Command("train", "Train a recurrent classifier on AG News; test accuracy after every epoch.");
        foreach (var option in new Option[] { model, bidirectional, layers, packed, epochs, batch, lr, embed, hidden, seed, threads, limit, save, json, dropout, readout, minFreq, schedule, report, wordDropout, smoothing, weightDecay, average, embedStd, maxTokens })
            command.Options.Add(option);
        data.AddTo(command);

        command.SetAction(parse =>
        {
            ModelKinds.TryParse(parse.GetValue(model), out var kind);
            TorchRuntime.EnsureReady();
            var run = new TrainRun(
                Model: kind,
                Bidirectional: parse.GetValue(bidirectional),
                Layers: parse.GetValue(layers),
                Packed: parse.GetValue(packed),
                Embedding: parse.GetValue(embed),
                Hidden: parse.GetValue(hidden),
                Training: defaults with
                {
                    Epochs = parse.GetValue(epochs),
                    BatchSize = parse.GetValue(batch),
                    LearningRate = parse.GetValue(lr),
                    Seed = parse.GetValue(seed),
                    Threads = parse.GetValue(threads),
                    Schedule = parse.GetValue(schedule),
                    WordDropout = parse.GetValue(wordDropout),
                    LabelSmoothing = parse.GetValue(smoothing),
                    WeightDecay = parse.GetValue(weightDecay),
                    AverageLastEpochs = parse.GetValue(average),
                },
                EmbeddingInitStd: parse.GetValue(embedStd),
                Dropout: parse.GetValue(dropout),
                Readout: parse.GetValue(readout),
                MinFreq: parse.GetValue(minFreq),
                Limit: parse.GetValue(limit),
                DataFolder: parse.GetValue(data.Data),
                MaxTokens: parse.GetValue(maxTokens),
                OwnData: data.OwnData(parse, parse.GetValue(seed)));
            return Train(run, parse.GetValue(save), parse.GetValue(report), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>Everything one training run needs from the command line.</summary>
    public sealed record TrainRun(ModelKind Model, bool Bidirectional, int Layers, bool Packed, int Embedding, int Hidden,
        TrainerOptions Training, double? EmbeddingInitStd, double? Dropout, Readout? Readout, int MinFreq, int? Limit, string? DataFolder,
        int MaxTokens = ExampleEncoder.DefaultMaxTokens, OwnDataOptions? OwnData = null)
    {
        /// <summary>The model's options for a vocabulary of <paramref name="vocabularySize"/> words and
        /// <paramref name="classes"/> classes (AG News has four).</summary>
        public ClassifierOptions Classifier(int vocabularySize, int classes = 4)
        {
            var cell = ModelKinds.Cell(Model);
            var recipe = Recipe.Classifier(cell ?? CellKind.Lstm, vocabularySize, Bidirectional, Layers, Packed);
            var options = recipe with { BagOfWords = cell is null, Embedding = Embedding, Hidden = Hidden, Classes = classes };
            if (EmbeddingInitStd is double std) options = options with { EmbeddingInitStd = std };
            if (Dropout is double d) options = options with { Dropout = d };
            if (Readout is Readout r) options = options with { Readout = r };
            return options;
        }

        public nn.Module<Tensor, Tensor, Tensor> Build(int vocabularySize, int classes = 4)
        {
            random.manual_seed(Training.Seed);
            var options = Classifier(vocabularySize, classes);
            return options.BagOfWords ? new BagOfWordsClassifier(options) : new RecurrentClassifier(options);
        }
    }

    /// <summary>
    /// Refuses, before a byte of the model is allocated, a vocabulary larger than a checkpoint holds and a model whose
    /// training state (weights, gradients and Adam's two moments) needs more memory than this machine has: LibTorch's
    /// allocator would otherwise fail with a page of native frames, or the system would start swapping.
    /// </summary>
    static void EnsureFits(TrainRun run, ClassifierOptions options)
    {
        if (options.VocabularySize > ModelLimits.MaxVocabulary)
            throw new UsageException($"--min-freq {run.MinFreq}: the vocabulary has {options.VocabularySize:N0} words, more than the " +
                $"{ModelLimits.MaxVocabulary:N0} a checkpoint holds; choose a larger --min-freq.");
        long parameters = ModelLimits.Parameters(options);
        double need = (double)parameters * ModelLimits.TrainingBytesPerParameter, have = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (need > have)
            throw new UsageException($"--embed {run.Embedding}, --hidden {run.Hidden} and --layers {run.Layers} with a vocabulary of " +
                $"{options.VocabularySize:N0} words make a model of {parameters:N0} parameters, about {need / (1 << 30):N1} GiB to train, " +
                $"more than the {have / (1 << 30):N1} GiB of this machine; choose a smaller --embed, --hidden or --layers, or a larger --min-freq.");
    }

    static int Train(TrainRun run, string? savePath, string? reportFolder, bool asJson)
    {
        var raw = OwnData.Load(run.DataFolder, run.OwnData ?? new OwnDataOptions(Seed: run.Training.Seed));
        var data = EncodedData.Prepare(raw, run.MinFreq, run.Limit, run.MaxTokens);
        AnsiConsole.MarkupLineInterpolated($"[grey]{raw.Source}: {data.Train.Length:N0} train / {data.Test.Length:N0} test headlines, vocabulary {data.Vocabulary.Count:N0} (min freq {run.MinFreq}); device {TorchRuntime.Device.type}, threads {(run.Training.Threads > 0 ? run.Training.Threads : get_num_threads())}[/]");

        EnsureFits(run, run.Classifier(data.Vocabulary.Count, raw.Classes.Count));
        TrainingThreads.Apply(run.Training.Threads);
        using var model = run.Build(data.Vocabulary.Count, raw.Classes.Count);
        string name = run.Classifier(data.Vocabulary.Count, raw.Classes.Count).Name();
        var trainer = new Trainer(model, raw.Classes, run.Training, name);
        AnsiConsole.MarkupLineInterpolated($"[bold]{name}[/]: {trainer.Parameters:N0} parameters, {run.Training.Epochs} epochs, batch {run.Training.BatchSize}, Adam lr {run.Training.LearningRate}");

        History history = null!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("epoch 1", maxValue: (double)data.Train.Length * run.Training.Epochs);
                trainer.ProgressChanged += p =>
                {
                    task.MaxValue = (double)p.EpochSize * p.Epochs;   // the training split less its validation part
                    task.Value = p.SamplesSeen;
                    task.Description = $"epoch {p.Epoch}/{p.Epochs}  loss {p.RunningLoss:F3}  acc {p.RunningAccuracy:P1}  {p.SamplesPerSecond:N0}/s";
                };
                trainer.EpochCompleted += e =>
                {
                    string validation = e.Validation is { } v ? $" | validation acc {v.Accuracy:P2}" : "";
                    AnsiConsole.MarkupLineInterpolated($"epoch {e.Epoch}: train loss {e.TrainLoss:F4} acc {e.TrainAccuracy:P2}{validation} | test acc {e.Test.Accuracy:P2} | {e.Seconds:F1} s, {e.SamplesPerSecond:N0} samples/s, padding {e.PaddingShare:P1}");
                };
                history = trainer.Fit(data.Train, data.Test);
                task.Value = task.MaxValue;
            });
        AnsiConsole.Write(EpochTable.Create(history));
        var chosen = history.Chosen;
        if (chosen.Validation is { } validation)
            AnsiConsole.MarkupLineInterpolated($"[bold]test accuracy {chosen.Test.Accuracy:P2}[/] at epoch {chosen.Epoch}, the epoch with the best validation accuracy ({validation.Accuracy:P2})");
        else
            AnsiConsole.MarkupLineInterpolated($"[bold]test accuracy {chosen.Test.Accuracy:P2}[/] at the last epoch ({chosen.Epoch}; no validation part)");
        var confusion = history.ChosenConfusion;
        AnsiConsole.MarkupLineInterpolated($"per class at epoch {chosen.Epoch} (test precision / recall): {string.Join("; ",
            confusion.Classes.Select((c, i) => $"{c} {confusion.Precision(i):P1} / {confusion.Recall(i):P1}"))}");

        if (savePath is not null)
        {
            Checkpoint.Save(savePath, model, data.Vocabulary, raw.Classes, run.Training, history);
            AnsiConsole.MarkupLineInterpolated($"checkpoint written to {Path.GetFullPath(savePath)}");
        }
        if (reportFolder is not null)
        {
            string page = Lessons.Charts.TrainingReport.Write(reportFolder, history);
            AnsiConsole.MarkupLineInterpolated($"report written to {page}");
        }
        if (asJson) Console.WriteLine(HistoryJson.Serialize(history, indented: false));
        return 0;
    }
}
