using Lessons.Batching;
using Lessons.Models;
using Lessons.Text;
using Lessons.Training;
using Microsoft.Data.Analysis;
using static Lessons.Localization.KitLanguage;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>What <paramref name="model"/> makes of a headline: the class and the probability of each class.</summary>
    public static Prediction Classify(nn.Module<Tensor, Tensor, Tensor> model, LessonData data, string headline) =>
        new Predictor(model, data.Vocabulary, data.Classes).Classify(headline);

    /// <summary>
    /// Runs a headline through the hand-written cells loaded with <paramref name="model"/>'s trained weights (layer 0)
    /// and records every hidden state and gate: one trace per direction (forward, then backward).
    /// </summary>
    public static IReadOnlyList<CellTrace> Trace(RecurrentClassifier model, LessonData data, string headline)
    {
        string[] tokens = BasicEnglishTokenizer.Tokenize(headline);
        if (tokens.Length == 0) throw new ArgumentException("The headline has no tokens.", nameof(headline));
        using var scope = NewDisposeScope();
        return TrainedCells.From(model).Trace(data.Vocabulary.Encode(tokens), tokens);
    }

    /// <summary>Forward traces of the first <paramref name="count"/> test headlines (for statistics over many texts).</summary>
    public static IReadOnlyList<CellTrace> TraceMany(RecurrentClassifier model, LessonData data, int count)
    {
        var cells = TrainedCells.From(model);
        var traces = new List<CellTrace>();
        foreach (var item in data.News.Test.Take(count))
        {
            string[] tokens = BasicEnglishTokenizer.Tokenize(item.Text);
            if (tokens.Length == 0) continue;
            using var scope = NewDisposeScope();
            traces.Add(cells.Trace(data.Vocabulary.Encode(tokens), tokens)[0]);
        }
        return traces;
    }

    /// <summary>Test headlines that <paramref name="right"/> classifies correctly and <paramref name="wrong"/> does not.</summary>
    public static DataFrame Disagreements(nn.Module<Tensor, Tensor, Tensor> right, nn.Module<Tensor, Tensor, Tensor> wrong, LessonData data, int take = 10)
    {
        var device = Runtime.TorchRuntime.Device;
        int[] a = Evaluator.Predict(right, data.Test, 256, device, out _);
        int[] b = Evaluator.Predict(wrong, data.Test, 256, device, out _);
        var rows = Enumerable.Range(0, data.Test.Count)
            .Where(i => a[i] == data.Test[i].Label && b[i] != data.Test[i].Label).Take(take).ToList();
        return new DataFrame(
            new StringDataFrameColumn(Words.Text("table.headline"), rows.Select(i => Charts.ChartStyle.Truncated(data.TestText(i), 110))),
            new StringDataFrameColumn(Words.Text("table.topic"), rows.Select(i => data.Classes[data.Test[i].Label])),
            new StringDataFrameColumn(Words.Text("table.wrong-guess"), rows.Select(i => data.Classes[b[i]])));
    }
}
