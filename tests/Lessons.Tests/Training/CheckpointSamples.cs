using Lessons.Batching;
using Lessons.Data;
using Lessons.Models;
using Lessons.Text;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

/// <summary>Four headlines, their vocabulary and a tiny LSTM over them: what the checkpoint tests save and load.</summary>
internal static class CheckpointSamples
{
    public static readonly LabeledText[] Items =
    [
        new(0, "Talks resume in Geneva", "Diplomats meet again."),
        new(1, "Striker scores twice", "The home team wins again."),
        new(2, "Stocks rise", "Markets climb as oil falls."),
        new(3, "New chip unveiled", "The chip is faster."),
    ];

    public static readonly Vocabulary Words = Vocabulary.Build(ExampleEncoder.Tokenize(Items));

    public static readonly ClassifierOptions Options = new() { Kind = CellKind.Lstm, VocabularySize = Words.Count, Embedding = 6, Hidden = 5 };

    /// <summary>A fresh model with weights from <paramref name="seed"/>.</summary>
    public static RecurrentClassifier Model(int seed, double? dropout = null)
    {
        random.manual_seed(seed);
        return new RecurrentClassifier(dropout is double d ? Options with { Dropout = d } : Options);
    }

    /// <summary>The names in <paramref name="folder"/>, in order: to show what a save left beside a checkpoint.</summary>
    public static IEnumerable<string> Entries(string folder) => Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The model's logits for the four headlines, to tell one set of weights from another.</summary>
    public static float[] Logits(nn.Module<Tensor, Tensor, Tensor> model)
    {
        model.eval();
        using var batch = BatchBuilder.Build(ExampleEncoder.Encode(Items, Words), [0, 1, 2, 3]);
        using var logits = model.forward(batch.Tokens, batch.Lengths);
        return logits.data<float>().ToArray();
    }
}
