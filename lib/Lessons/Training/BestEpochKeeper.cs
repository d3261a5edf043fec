using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Keeps the weights of the epoch with the best validation accuracy (the first of equals), and says when
/// <see cref="TrainerOptions.Patience"/> epochs have passed without a better one.
/// </summary>
sealed class BestEpochKeeper(nn.Module model, int patience) : IDisposable
{
    WeightSnapshot? best;
    double bestAccuracy = double.NegativeInfinity;
    int sinceBest;

    /// <summary>The epoch whose weights are kept (0 before the first offer).</summary>
    public int Epoch { get; private set; }

    /// <summary>True once <c>patience</c> epochs in a row brought no better validation accuracy (never with patience 0).</summary>
    public bool PatienceExhausted => patience > 0 && sinceBest >= patience;

    /// <summary>Offers the model's current weights as those of <paramref name="epoch"/>; kept if their accuracy is the best so far.</summary>
    public void Offer(int epoch, double validationAccuracy)
    {
        if (validationAccuracy <= bestAccuracy)
        {
            sinceBest++;
            return;
        }
        bestAccuracy = validationAccuracy;
        sinceBest = 0;
        Epoch = epoch;
        best?.Dispose();
        best = WeightSnapshot.Of(model);
    }

    /// <summary>Gives the model the kept weights back, unless they are the ones it holds (those of <paramref name="lastEpoch"/>).</summary>
    public void RestoreUnlessLast(int lastEpoch)
    {
        if (best is not null && Epoch != lastEpoch) best.CopyInto(model);
    }

    public void Dispose() => best?.Dispose();
}
