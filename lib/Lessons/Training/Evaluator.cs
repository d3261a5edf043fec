using Lessons.Batching;
using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Measures a classifier on a split without training it: mean cross-entropy, accuracy, the confusion matrix
/// (which class is taken for which), accuracy by headline length, and which examples it got right.
/// </summary>
public static class Evaluator
{
    /// <summary>Token-count edges of the length buckets: [0,20), [20,30), [30,40), [40,50), [50,∞).</summary>
    public static readonly IReadOnlyList<int> DefaultLengthEdges = [20, 30, 40, 50];

    public static Evaluation Evaluate(
        nn.Module<Tensor, Tensor, Tensor> model,
        IReadOnlyList<EncodedExample> examples,
        IReadOnlyList<string> classes,
        int batchSize = 256,
        Device? device = null,
        IReadOnlyList<int>? lengthEdges = null)
    {
        if (examples.Count == 0) throw new ArgumentException("Nothing to evaluate: the split is empty.", nameof(examples));
        device ??= Runtime.TorchRuntime.Device;
        var predicted = Predict(model, examples, batchSize, device, out double lossSum);

        int k = classes.Count;
        var counts = new long[k, k];
        for (int i = 0; i < examples.Count; i++)
        {
            int actual = examples[i].Label;
            if (actual < 0 || actual >= k) throw new ArgumentException($"Example {i} has label {actual}, outside 0..{k - 1}.", nameof(examples));
            counts[actual, predicted[i]]++;
        }
        var confusion = new ConfusionMatrix(classes, counts);
        return new Evaluation(lossSum / examples.Count, confusion.Accuracy, confusion,
            ByLength(examples, predicted, lengthEdges ?? DefaultLengthEdges), ExampleHits.Of(predicted, [.. examples.Select(e => e.Label)]));
    }

    /// <summary>The predicted class of every example (argmax of the logits), and the summed cross-entropy.</summary>
    public static int[] Predict(nn.Module<Tensor, Tensor, Tensor> model, IReadOnlyList<EncodedExample> examples, int batchSize, Device device, out double lossSum)
    {
        bool wasTraining = model.training;
        model.eval();
        var predicted = new int[examples.Count];
        lossSum = 0;
        try
        {
            using var noGrad = no_grad();
            foreach (int[] indices in BatchBuilder.ByLength(examples, batchSize))
            {
                using var scope = NewDisposeScope();
                var batch = BatchBuilder.Build(examples, indices, device);
                var logits = model.forward(batch.Tokens, batch.Lengths);
                lossSum += nn.functional.cross_entropy(logits, batch.Labels, reduction: nn.Reduction.Sum).item<float>();
                long[] best = logits.argmax(1).cpu().data<long>().ToArray();
                for (int r = 0; r < indices.Length; r++) predicted[indices[r]] = (int)best[r];
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        return predicted;
    }

    static List<LengthBucketAccuracy> ByLength(IReadOnlyList<EncodedExample> examples, int[] predicted, IReadOnlyList<int> edges)
    {
        var buckets = new List<LengthBucketAccuracy>();
        int from = 0;
        foreach (int to in edges.Append(int.MaxValue))
        {
            long count = 0, hit = 0;
            for (int i = 0; i < examples.Count; i++)
            {
                if (examples[i].Length < from || examples[i].Length >= to) continue;
                count++;
                if (predicted[i] == examples[i].Label) hit++;
            }
            buckets.Add(new LengthBucketAccuracy(from, to, count, count == 0 ? 0 : (double)hit / count));
            from = to;
        }
        return buckets;
    }
}
