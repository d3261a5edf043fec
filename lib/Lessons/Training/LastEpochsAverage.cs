using static TorchSharp.torch;

namespace Lessons.Training;

/// <summary>
/// Weight averaging (SWA-style), see <see cref="TrainerOptions.AverageLastEpochs"/>: the weights after each of the
/// last <c>count</c> epochs of a run are folded into a running mean, and at the final epoch the model takes that
/// mean, so the final epoch's evaluation is the average's. A run that stops early never reaches the final epoch
/// and keeps its own weights.
/// </summary>
sealed class LastEpochsAverage(nn.Module model, int count, int finalEpoch) : IDisposable
{
    WeightSnapshot? mean;
    int folded;

    /// <summary>Call after each epoch's training steps, before evaluating it.</summary>
    public void AfterEpoch(int epoch)
    {
        if (count <= 1 || epoch <= finalEpoch - count) return;
        folded++;
        if (mean is null) mean = WeightSnapshot.Of(model);
        else mean.FoldIn(model, folded);
        if (epoch == finalEpoch) mean.CopyInto(model);
    }

    public void Dispose() => mean?.Dispose();
}
