using Lessons.Batching;
using Lessons.Runtime;
using Lessons.Text;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>What a classifier makes of one headline: the tokens it read (unknown words as &lt;unk&gt;) and a probability per class.</summary>
public sealed record Prediction(string Text, IReadOnlyList<string> Tokens, IReadOnlyList<string> Classes, IReadOnlyList<float> Probabilities)
{
    /// <summary>Index of the most probable class.</summary>
    public int Label => Probabilities.Select((p, i) => (p, i)).MaxBy(x => x.p).i;
    public string Class => Classes[Label];
    public float Confidence => Probabilities[Label];
    public override string ToString() => Lessons.Localization.KitLanguage.Words.Format("run.prediction", Class, Confidence, Text);
}

/// <summary>
/// Classifies new text with a trained model, for notebooks: <c>predictor.Classify("Stocks fall as oil climbs")</c>.
/// Tokenizes and encodes exactly as training did, runs the model in evaluation mode, returns softmax probabilities.
/// </summary>
public sealed class Predictor(nn.Module<Tensor, Tensor, Tensor> model, Vocabulary vocabulary, IReadOnlyList<string> classes)
{
    /// <summary>A predictor for a saved checkpoint (see <see cref="Checkpoint.Save"/>).</summary>
    public static Predictor Load(string checkpointFolder)
    {
        var (model, checkpoint) = Checkpoint.Load(checkpointFolder);
        return new Predictor(model, checkpoint.Vocabulary, checkpoint.Classes);
    }

    public Prediction Classify(string text) => Classify([text])[0];

    public IReadOnlyList<Prediction> Classify(IEnumerable<string> texts)
    {
        string[] all = [.. texts];
        if (all.Length == 0) return [];
        var examples = all.Select(t => new EncodedExample(ExampleEncoder.Encode(t, vocabulary), 0)).ToArray();
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var batch = BatchBuilder.Build(examples, [.. Enumerable.Range(0, all.Length)], TorchRuntime.Device);
            var probabilities = nn.functional.softmax(model.forward(batch.Tokens, batch.Lengths), 1).cpu();
            return [.. all.Select((text, i) => new Prediction(text, vocabulary.Decode(examples[i].Tokens), classes,
                probabilities[i].data<float>().ToArray()))];
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
