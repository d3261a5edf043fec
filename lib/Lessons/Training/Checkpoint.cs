using System.Text.Json;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// A trained classifier on disk, so a later notebook can reuse it: a folder with the weights (weights.bin, TorchSharp's
/// format), the vocabulary (vocabulary.tsv) and checkpoint.json (architecture, classifier options, class names,
/// training options and the history). <see cref="Read"/> reads the description; <see cref="CreateModel"/> builds the
/// model and loads the weights; <see cref="LoadWeightsInto"/> checks a model built elsewhere option by option first.
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
    const int Format = 1;

    /// <summary>
    /// The options that must match for weights to load: they decide the parameter shapes or what the weights mean.
    /// Dropout rates and sparse gradients only matter while training, so they may differ.
    /// </summary>
    public static readonly IReadOnlyList<string> BindingOptions =
    [
        nameof(ClassifierOptions.Kind), nameof(ClassifierOptions.VocabularySize), nameof(ClassifierOptions.Embedding),
        nameof(ClassifierOptions.Hidden), nameof(ClassifierOptions.Classes), nameof(ClassifierOptions.Layers),
        nameof(ClassifierOptions.Bidirectional), nameof(ClassifierOptions.Packed), nameof(ClassifierOptions.Readout),
        nameof(ClassifierOptions.PadIndex),
    ];

    static JsonSerializerOptions Json => HistoryJson.Options;

    sealed record Description(int Format, string Architecture, ClassifierOptions Options, List<string> Classes, TrainerOptions? Training, History? History);

    public string WeightsPath => Path.Combine(Folder, WeightsFile);

    /// <summary>Writes <paramref name="model"/> (a RecurrentClassifier or BagOfWordsClassifier) with everything needed to use it again.</summary>
    public static Checkpoint Save(string folder, nn.Module<Tensor, Tensor, Tensor> model, Vocabulary vocabulary,
        IReadOnlyList<string> classes, TrainerOptions? training = null, History? history = null)
    {
        var (architecture, options) = Describe(model);
        if (options.VocabularySize != vocabulary.Count)
            throw new ArgumentException($"The model was built for {options.VocabularySize} words but the vocabulary has {vocabulary.Count}.", nameof(vocabulary));
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, WeightsFile));
        vocabulary.Save(Path.Combine(folder, VocabularyFile));
        File.WriteAllText(Path.Combine(folder, DescriptionFile),
            JsonSerializer.Serialize(new Description(Format, architecture, options, [.. classes], training, history), Json));
        return new Checkpoint(folder, architecture, options, classes, vocabulary, training, history);
    }

    /// <summary>Reads a checkpoint's description and vocabulary (not yet the weights).</summary>
    public static Checkpoint Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No checkpoint folder at {Path.GetFullPath(folder)}.");
        foreach (string file in new[] { DescriptionFile, VocabularyFile, WeightsFile })
            if (!File.Exists(Path.Combine(folder, file)))
                throw new FileNotFoundException($"The checkpoint folder {Path.GetFullPath(folder)} has no {file}; was it written by Checkpoint.Save?", Path.Combine(folder, file));

        string path = Path.Combine(folder, DescriptionFile);
        Description description;
        try
        {
            description = JsonSerializer.Deserialize<Description>(File.ReadAllText(path), Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a checkpoint description: {e.Message}", e);
        }
        if (description.Format != Format)
            throw new InvalidDataException($"{path} has format {description.Format}; this version reads format {Format}.");
        var vocabulary = Vocabulary.Load(Path.Combine(folder, VocabularyFile));
        if (vocabulary.Count != description.Options.VocabularySize)
            throw new InvalidDataException($"{folder}: the vocabulary has {vocabulary.Count} words but the model was built for {description.Options.VocabularySize}.");
        return new Checkpoint(folder, description.Architecture, description.Options, description.Classes, vocabulary, description.Training, description.History);
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
            _ => throw new InvalidDataException($"{Path.Combine(Folder, DescriptionFile)} names the unknown architecture \"{Architecture}\" (expected {Recurrent} or {BagOfWords})."),
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
        if (architecture != Architecture) differences.Add($"the checkpoint holds a {Architecture} classifier but the model is a {architecture} classifier");
        foreach (string name in BindingOptions)
        {
            var property = typeof(ClassifierOptions).GetProperty(name)!;
            object? saved = property.GetValue(Options), wanted = property.GetValue(options);
            if (!Equals(saved, wanted)) differences.Add($"{name} is {saved} in the checkpoint but {wanted} in the model");
        }
        if (differences.Count > 0) throw new CheckpointMismatchException(Folder, differences);

        model.to(CPU);
        model.load(WeightsPath);
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
