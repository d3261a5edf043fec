using System.Security.Cryptography;
using System.Text.Json;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Text;
using TorchSharp;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// A trained classifier on disk, so a later notebook can reuse it: a folder with the weights (weights.bin, TorchSharp's
/// format), the vocabulary (vocabulary.tsv) and checkpoint.json (architecture, classifier options, class names,
/// training options, the history with the chosen epoch's confusion matrices, and the sha256 of the other two files).
/// <see cref="Read"/> reads the description; <see cref="CreateModel"/> builds the model and loads the weights;
/// <see cref="LoadWeightsInto"/> checks a model built elsewhere against <see cref="BindingOptions"/> first: the one rule
/// for whether saved weights fit a model.
/// </summary>
public sealed record Checkpoint(
    string Folder,
    string Architecture,
    ClassifierOptions Options,
    IReadOnlyList<string> Classes,
    Vocabulary Vocabulary,
    TrainerOptions? Training,
    History? History)
{
    public const string WeightsFile = "weights.bin", VocabularyFile = "vocabulary.tsv", DescriptionFile = "checkpoint.json";
    public const string Recurrent = "recurrent", BagOfWords = "bag-of-words";
    /// <summary>2 since the kit decodes HTML escapes as it loads text (<c>Lessons.Data.HtmlEscapes</c>): a format-1
    /// checkpoint's vocabulary holds tokens such as <c>#39</c> and <c>quot</c> that decoded text never gives, so it is
    /// refused (<see cref="BeforeDecoding"/>), never used to read text it was not trained on.</summary>
    const int Format = 2, BeforeDecoding = 1;

    /// <summary>
    /// The options that must match for weights to load (with the architecture, and for <see cref="TryLoadInto"/> the
    /// vocabulary): they decide the parameter shapes or what the weights mean. Dropout rates, the embedding's initial
    /// spread and sparse gradients only matter while training, so they may differ.
    /// </summary>
    public static readonly IReadOnlyList<string> BindingOptions =
    [
        nameof(ClassifierOptions.Kind), nameof(ClassifierOptions.VocabularySize), nameof(ClassifierOptions.Embedding),
        nameof(ClassifierOptions.Hidden), nameof(ClassifierOptions.Classes), nameof(ClassifierOptions.Layers),
        nameof(ClassifierOptions.Bidirectional), nameof(ClassifierOptions.Packed), nameof(ClassifierOptions.Readout),
        nameof(ClassifierOptions.PadIndex),
    ];

    static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>HistoryJson's options, reading the cell kind first with <see cref="SavedCellKindConverter"/> (the first converter that fits wins).</summary>
    static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(HistoryJson.Options);
        json.Converters.Insert(0, new SavedCellKindConverter());
        return json;
    }

    /// <summary>checkpoint.json. Format comes first: its opening <c>{"format":</c> marks the folder as the kit's (<see cref="CheckpointFolder"/>).
    /// The sha256 values are null in checkpoints saved before they were recorded.</summary>
    sealed record Description(int Format, string Architecture, ClassifierOptions Options, List<string> Classes, TrainerOptions? Training,
        History? History, string? WeightsSha256 = null, string? VocabularySha256 = null);

    public string WeightsPath => Path.Combine(Folder, WeightsFile);

    /// <summary>
    /// Writes <paramref name="model"/> (a RecurrentClassifier or BagOfWordsClassifier) with everything needed to use it
    /// again, all-or-nothing (see <see cref="CheckpointFolder"/>): a failure at any point leaves the checkpoint that
    /// was there before, whole. Weights with NaN or infinite values are refused, and so is a folder the kit did not
    /// write (nothing in it is touched). Saves to one folder from several processes at once each stage apart and swap in
    /// turn: the folder ends as one whole checkpoint.
    /// </summary>
    public static Checkpoint Save(string folder, nn.Module<Tensor, Tensor, Tensor> model, Vocabulary vocabulary,
        IReadOnlyList<string> classes, TrainerOptions? training = null, History? history = null) =>
        Save(folder, model, vocabulary, classes, training, history, path => new FileStream(path, FileMode.CreateNew, FileAccess.Write));

    /// <summary>As the public Save, with each file's stream opened by <paramref name="create"/> (tests make it fail part-way).</summary>
    internal static Checkpoint Save(string folder, nn.Module<Tensor, Tensor, Tensor> model, Vocabulary vocabulary,
        IReadOnlyList<string> classes, TrainerOptions? training, History? history, Func<string, Stream> create)
    {
        var (architecture, options) = Describe(model);
        if (options.VocabularySize != vocabulary.Count)
            throw new ArgumentException($"The model was built for {options.VocabularySize} words but the vocabulary has {vocabulary.Count}.", nameof(vocabulary));
        if (NonFiniteParameter(model) is { } name)
            throw new CheckpointException(Path.GetFullPath(Path.Combine(folder, WeightsFile)),
                $"not written: parameter {name} holds NaN or infinite values (training diverged; try a lower learning rate)");

        string? staging = null, weightsSha256 = null;
        string file = Path.GetFullPath(folder);
        try
        {
            staging = CheckpointFolder.CreateStaging(folder);
            Write(file = Path.Combine(staging, WeightsFile), create, stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                model.save(writer);
            });
            Write(file = Path.Combine(staging, VocabularyFile), create, stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
                vocabulary.Save(writer);
            });
            var description = new Description(Format, architecture, options, [.. classes], training, history?.WithChosenConfusionOnly(),
                weightsSha256 = Sha256(Path.Combine(staging, WeightsFile)), Sha256(Path.Combine(staging, VocabularyFile)));
            Write(file = Path.Combine(staging, DescriptionFile), create, stream => JsonSerializer.Serialize(stream, description, Json));
            file = Path.GetFullPath(folder);
            CheckpointFolder.Swap(staging, folder);
        }
        catch (CheckpointException)
        {
            CheckpointFolder.DeleteOwnStaging(staging);
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CheckpointFolder.DeleteOwnStaging(staging);
            throw new CheckpointException(file, $"could not be written ({e.Message}); the checkpoint that was there is unchanged", e);
        }
        return new Checkpoint(folder, architecture, options, classes, vocabulary, training, history) { WeightsSha256 = weightsSha256 };
    }

    /// <summary>Writes one file through <paramref name="create"/> and flushes it to the disk before the swap.</summary>
    static void Write(string path, Func<string, Stream> create, Action<Stream> write)
    {
        using var stream = create(path);
        write(stream);
        stream.Flush();
        if (stream is FileStream file) file.Flush(flushToDisk: true);
    }

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Throws when <paramref name="path"/> is not the file the checkpoint recorded (no record: nothing to check).</summary>
    static void CheckSha256(string path, string? recorded)
    {
        if (recorded is not null && !string.Equals(Sha256(path), recorded, StringComparison.OrdinalIgnoreCase))
            throw new CheckpointException(path, Words.Format("checkpoint.sha-differs", DescriptionFile));
    }

    /// <summary>The name of the first parameter holding NaN or an infinity, or null when every weight is finite.</summary>
    static string? NonFiniteParameter(nn.Module<Tensor, Tensor, Tensor> model)
    {
        foreach (var (name, parameter) in model.named_parameters())
        {
            using var finite = isfinite(parameter);
            using var all = finite.all();
            if (!all.item<bool>()) return name;
        }
        return null;
    }

    /// <summary>
    /// Throws a <see cref="CheckpointException"/> when a checkpoint could not be written at <paramref name="folder"/>:
    /// a file, a folder the kit did not write, or a place that cannot be written. The command line calls it before
    /// training, so a bad --save target costs no training time and nothing is deleted.
    /// </summary>
    public static void EnsureWritable(string folder) => CheckpointFolder.EnsureReplaceable(folder);

    /// <summary>Reads a checkpoint's description and vocabulary (not yet the weights); errors name the file at fault.</summary>
    /// <exception cref="CheckpointException">A file is missing, unreadable, or not what Save writes.</exception>
    public static Checkpoint Read(string folder)
    {
        string full = Path.GetFullPath(folder);
        try
        {
            CheckpointFolder.Recover(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(full, $"an interrupted save could not be undone ({e.Message})", e);
        }
        if (!Directory.Exists(folder)) throw new CheckpointException(full, "no checkpoint folder here");
        foreach (string file in new[] { DescriptionFile, VocabularyFile, WeightsFile })
            if (!File.Exists(Path.Combine(folder, file)))
                throw new CheckpointException(Path.Combine(full, file), "missing; was the folder written by Checkpoint.Save?");

        string path = Path.Combine(full, DescriptionFile);
        long length = new FileInfo(path).Length;
        if (length > MaxDescriptionBytes)
            throw new CheckpointException(path, $"holds {length:N0} bytes; a checkpoint description is at most {MaxDescriptionBytes:N0} (one from a version that kept a confusion matrix per epoch? train it again)");
        Description description;
        try
        {
            description = JsonSerializer.Deserialize<Description>(File.ReadAllText(path), Json)
                ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"not a checkpoint description ({e.Message})", e);
        }
        if (description.Format == BeforeDecoding)
            throw new CheckpointException(path, Words.Format("checkpoint.before-decoding", BeforeDecoding, Format));
        if (description.Format != Format)
            throw new CheckpointException(path, $"has format {description.Format}; this version reads format {Format}");
        CheckSizes(path, description);
        if (description.History?.Damage() is { } damage) throw new CheckpointException(path, damage);

        string vocabularyPath = Path.Combine(full, VocabularyFile);
        CheckSha256(vocabularyPath, description.VocabularySha256);
        Vocabulary vocabulary;
        try
        {
            vocabulary = Vocabulary.Load(vocabularyPath);
        }
        catch (Exception e) when (e is VocabularyFormatException or IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(vocabularyPath, e is VocabularyFormatException f ? $"line {f.Line}: {f.Problem}" : e.Message, e);
        }
        if (vocabulary.Count != description.Options.VocabularySize)
            throw new CheckpointException(vocabularyPath,
                $"has {vocabulary.Count} words but the model was built for {description.Options.VocabularySize}");
        // The architecture decides the model; the options say the same (those saved before they had BagOfWords lack it).
        var options = description.Options with { BagOfWords = description.Architecture == BagOfWords };
        return new Checkpoint(folder, description.Architecture, options, description.Classes, vocabulary, description.Training, description.History)
        { WeightsSha256 = description.WeightsSha256 };
    }

    /// <summary>The sha256 of weights.bin recorded at save time (null for checkpoints saved before it was recorded).</summary>
    string? WeightsSha256 { get; init; }

    /// <summary>
    /// Rejects a description without options or classes, or with sizes no lesson model comes near, before anything is
    /// allocated from it (a hand-edited "Hidden": 30000 would otherwise ask for gigabytes).
    /// </summary>
    static void CheckSizes(string path, Description description)
    {
        if (description.Options is not { } options) throw new CheckpointException(path, "has no classifier options");
        if (description.Classes is not { Count: > 1 } classes) throw new CheckpointException(path, "names fewer than two classes");
        var limits = new (string Name, int Value, int Max)[]
        {
            (nameof(options.VocabularySize), options.VocabularySize, ModelLimits.MaxVocabulary),
            (nameof(options.Embedding), options.Embedding, ModelLimits.MaxWidth),
            (nameof(options.Hidden), options.Hidden, ModelLimits.MaxWidth),
            (nameof(options.Layers), options.Layers, ModelLimits.MaxLayers),
            (nameof(options.Classes), options.Classes, ModelLimits.MaxClasses),
        };
        foreach (var (name, value, max) in limits)
            if (value < 1 || value > max) throw new CheckpointException(path, $"{name} is {value}; a checkpoint holds 1 to {max}");
        if (options.Classes != classes.Count)
            throw new CheckpointException(path, $"the options say {options.Classes} classes but {classes.Count} are named");
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(path, e.Message, e);
        }
    }

    /// <summary>checkpoint.json's upper bound: two 1,000-class matrices and a long history take far less.</summary>
    internal const long MaxDescriptionBytes = 256L << 20;

    /// <summary>
    /// Loads the weights saved in <paramref name="folder"/> into <paramref name="model"/> when they fit it (the same
    /// rule as <see cref="LoadWeightsInto"/>) and were trained with <paramref name="vocabulary"/>, and returns the
    /// checkpoint. Otherwise returns null with, in <paramref name="why"/>, one line in the kit's language saying why
    /// (null when nothing was saved there): which options differ, another vocabulary, or which file does not load and
    /// why, named from the folder on (for example "lstm/weights.bin"), not the machine's path.
    /// </summary>
    public static Checkpoint? TryLoadInto(string folder, nn.Module<Tensor, Tensor, Tensor> model, Vocabulary vocabulary, out string? why)
    {
        why = null;
        if (!Directory.Exists(folder) && !Directory.Exists(CheckpointFolder.Previous(folder))) return null;
        string parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) ?? "";
        try
        {
            var saved = Read(folder);
            if (!saved.Vocabulary.Tokens.SequenceEqual(vocabulary.Tokens))
            {
                why = Words.Format("checkpoint.other-vocabulary", Path.GetRelativePath(parent, folder));
                return null;
            }
            saved.LoadWeightsInto(model);
            return saved;
        }
        catch (CheckpointException e)
        {
            why = Words.Format("checkpoint.does-not-load", Path.GetRelativePath(parent, e.File), e.Problem);
        }
        catch (CheckpointMismatchException e)
        {
            why = Words.Format("checkpoint.does-not-fit", Path.GetRelativePath(parent, folder), string.Join("; ", e.Differences));
        }
        return null;
    }

    /// <summary>Reads the checkpoint and returns its model with the weights loaded, in evaluation mode, on <see cref="TorchRuntime.Device"/>.</summary>
    public static (nn.Module<Tensor, Tensor, Tensor> Model, Checkpoint Checkpoint) Load(string folder)
    {
        var checkpoint = Read(folder);
        return (checkpoint.CreateModel(), checkpoint);
    }

    /// <summary>Builds the model this checkpoint describes and loads its weights (evaluation mode, on <see cref="TorchRuntime.Device"/>).</summary>
    public nn.Module<Tensor, Tensor, Tensor> CreateModel()
    {
        TorchRuntime.EnsureReady();
        nn.Module<Tensor, Tensor, Tensor> model = Architecture switch
        {
            Recurrent => new RecurrentClassifier(Options),
            BagOfWords => new BagOfWordsClassifier(Options),
            _ => throw new CheckpointException(Path.GetFullPath(Path.Combine(Folder, DescriptionFile)), $"names the unknown architecture \"{Architecture}\" (expected {Recurrent} or {BagOfWords})"),
        };
        LoadWeightsInto(model);
        return model;
    }

    /// <summary>
    /// Loads the weights into a model built elsewhere, after checking that its architecture and every option in
    /// <see cref="BindingOptions"/> match; otherwise throws a <see cref="CheckpointMismatchException"/> naming each difference.
    /// </summary>
    public void LoadWeightsInto(nn.Module<Tensor, Tensor, Tensor> model)
    {
        var (architecture, options) = Describe(model);
        var differences = new List<string>();
        if (architecture != Architecture) differences.Add(Words.Format("checkpoint.other-architecture", Architecture, architecture));
        foreach (string name in BindingOptions)
        {
            var property = typeof(ClassifierOptions).GetProperty(name)!;
            object? saved = property.GetValue(Options), wanted = property.GetValue(options);
            if (!Equals(saved, wanted)) differences.Add(Words.Format("checkpoint.option-differs", name, saved, wanted));
        }
        if (differences.Count > 0) throw new CheckpointMismatchException(Folder, differences);

        string weights = Path.GetFullPath(WeightsPath);
        CheckSha256(weights, WeightsSha256);
        model.to(CPU);
        try
        {
            model.load(WeightsPath);
        }
        catch (Exception e)
        {
            // TorchSharp reports a truncated or foreign file as whatever its reader hit first
            // ("Attempted to read past the end of the stream", a size mismatch, a native error): name the file.
            throw new CheckpointException(weights, $"the weights do not load ({e.Message})", e);
        }
        if (NonFiniteParameter(model) is { } parameter) throw new CheckpointException(weights, Words.Format("checkpoint.not-finite", parameter));
        model.to(TorchRuntime.Device);
        model.eval();
    }

    static (string Architecture, ClassifierOptions Options) Describe(nn.Module<Tensor, Tensor, Tensor> model) => model switch
    {
        RecurrentClassifier r => (Recurrent, r.Options),
        BagOfWordsClassifier b => (BagOfWords, b.Options),
        _ => throw new ArgumentException($"Checkpoints hold a {nameof(RecurrentClassifier)} or a {nameof(BagOfWordsClassifier)}; got {model.GetType().Name}.", nameof(model)),
    };
}
