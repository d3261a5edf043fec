namespace Lessons.Models;

/// <summary>
/// Upper bounds on a classifier's sizes: far above the lessons' models, far below a machine's memory. The command
/// line refuses larger values at parse time, data loading refuses more classes, and the checkpoint reader refuses a
/// description beyond them, so a model the kit trains is always one it can load again.
/// </summary>
public static class ModelLimits
{
    /// <summary>The most words in a vocabulary.</summary>
    public const int MaxVocabulary = 5_000_000;

    /// <summary>The widest embedding and hidden state.</summary>
    public const int MaxWidth = 4096;

    /// <summary>The most stacked recurrent layers.</summary>
    public const int MaxLayers = 16;

    /// <summary>The most classes: what data loading accepts (<see cref="Data.OwnData.MaxClasses"/>).</summary>
    public const int MaxClasses = Data.OwnData.MaxClasses;

    /// <summary>Bytes per parameter while training with Adam: the weight, its gradient and the two moments, as float32.</summary>
    public const int TrainingBytesPerParameter = 16;

    /// <summary>
    /// The number of parameters a model built from <paramref name="options"/> has (RecurrentClassifier or
    /// BagOfWordsClassifier), computed from the sizes alone, so a model too large for memory is found before any of
    /// it is allocated. In long arithmetic: the sizes' products overflow an int.
    /// </summary>
    public static long Parameters(ClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        long embedding = (long)options.VocabularySize * options.Embedding;
        if (options.BagOfWords)
            return embedding + Linear(options.Embedding, options.Classes);

        long gates = CellKinds.GateBlocks(options.Kind), hidden = options.Hidden;
        int directions = options.Bidirectional ? 2 : 1;
        long recurrent = 0;
        for (int layer = 0; layer < options.Layers; layer++)
        {
            long inputs = layer == 0 ? options.Embedding : directions * hidden;
            recurrent += directions * (gates * hidden * (inputs + hidden) + 2 * gates * hidden); // weights and both biases
        }
        long features = SequenceReadout.Width(options.Readout) * directions * hidden;
        return embedding + recurrent + Linear(features, options.Classes);
    }

    static long Linear(long inputs, long outputs) => inputs * outputs + outputs;
}
