using Lessons.Data;
using Lessons.Models;
using Lessons.Training;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>
    /// Where the notebooks keep trained models: data/checkpoints/NAME (git-ignored); quick-mode models and those of a
    /// perturbed run (<see cref="Kit.SeedBase"/>, <see cref="Kit.Engine"/>) apart, so that such a run never loads or
    /// overwrites the reference run's: NAME-quick, NAME-seed100, NAME-libtorch, NAME-seed100-libtorch.
    /// </summary>
    public static string CheckpointFolder(string name)
    {
        string folder = name;
        if (Kit.SeedBase != 0) folder += $"-seed{Kit.SeedBase}";
        if (Kit.Engine != RecurrentEngine.Auto) folder += "-" + Kit.Engine.ToString().ToLowerInvariant();
        if (Kit.Quick) folder += "-quick";
        return Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, "data", "checkpoints", folder);
    }

    /// <summary>A checkpoint folder as a notebook prints it: relative to the repository (data/checkpoints/lstm), so an
    /// output shows no path of the machine that ran it.</summary>
    static string Shown(string folder) =>
        RepositoryRoot.Find() is { } root ? Path.GetRelativePath(root, folder).Replace('\\', '/') : Path.GetFileName(folder);

    /// <summary>Saves a trained model with its vocabulary and options, for a later notebook.</summary>
    public static Checkpoint Save(RecurrentClassifier model, LessonData data, string name, History? history = null)
    {
        var checkpoint = Checkpoint.Save(CheckpointFolder(name), model, data.Vocabulary, data.Classes, Training(), history);
        Console.WriteLine(Words.Format("checkpoint.saved", name, Shown(checkpoint.Folder)));
        return checkpoint;
    }

    /// <summary>
    /// The model saved as <paramref name="name"/> by an earlier notebook when it was built from the same options and
    /// vocabulary and loads; otherwise (saying why in one line) trains one now and saves it.
    /// </summary>
    public static RecurrentClassifier LoadOrTrain(string name, LessonData data, ClassifierOptions options)
    {
        string folder = CheckpointFolder(name);
        var model = new RecurrentClassifier(options);
        if (Checkpoint.TryLoadInto(folder, model, data.Vocabulary, out string? why) is { } saved)
        {
            Console.WriteLine(saved.History is { Epochs.Count: > 0 } h
                ? Words.Format("checkpoint.loaded-run", name, Shown(folder), AccuracyLine(h))
                : Words.Format("checkpoint.loaded", name, Shown(folder)));
            return model;
        }
        model.Dispose();
        if (why is not null) Console.WriteLine(Words.Format("checkpoint.retrain", why));
        manual_seed(Kit.Seed(0));
        var trained = new RecurrentClassifier(options);
        var history = Train(trained, data, name);
        Console.WriteLine(AccuracyLine(history));
        Save(trained, data, name, history);
        return trained;
    }
}
