using Lessons.Models;

namespace Lessons.Training;

/// <summary>
/// How notebook 7 trains RNN, LSTM and GRU on the long-memory task (<see cref="Data.LongMemoryTask"/>): the same
/// settings for the three cells, only the kind differs. The classifier reads the final hidden state (the point of the
/// task: no readout that looks at every step), with the lesson's hidden size (32) and a small embedding (16: the task
/// has 34 words); no dropout. Training: 12 epochs, Adam 1e-2, batch 32, clipping at 1, one thread, 10% of the training texts held
/// out to choose the epoch.
/// </summary>
public static class LongMemoryRecipe
{
    public static ClassifierOptions Classifier(CellKind kind, int vocabularySize) => new()
    {
        Kind = kind,
        VocabularySize = vocabularySize,
        Embedding = 16,
        Hidden = 32,
        Readout = Readout.Final,
    };

    public static TrainerOptions Training => new()
    {
        Epochs = 12,
        BatchSize = 32,
        LearningRate = 1e-2,
        ClipNorm = 1.0,
        Threads = 1,
        ValidationShare = 0.1,
    };
}
