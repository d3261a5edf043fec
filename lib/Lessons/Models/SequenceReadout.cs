using TorchSharp;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// Turns per-step outputs [B, T, D] into one vector per row [B, D], looking only at each row's real steps
/// (the first lengths[b]); what the recurrent layer wrote at padding positions never counts.
/// </summary>
internal static class SequenceReadout
{
    /// <summary>[B, T] bool: true where step t is a real token of row b.</summary>
    public static Tensor Mask(Tensor lengths, long steps) =>
        arange(steps, dtype: ScalarType.Int64, device: lengths.device).unsqueeze(0) < lengths.unsqueeze(1);

    /// <summary>The output at each row's last real step (index lengths[b] - 1).</summary>
    public static Tensor Last(Tensor outputs, Tensor lengths)
    {
        var index = (lengths.to(outputs.device) - 1).view(-1, 1, 1).expand(-1, 1, outputs.shape[2]);
        return outputs.gather(1, index).squeeze(1);
    }

    /// <summary>The mean of each row's outputs over its real steps.</summary>
    public static Tensor Mean(Tensor outputs, Tensor lengths)
    {
        var lengthsHere = lengths.to(outputs.device);
        var mask = Mask(lengthsHere, outputs.shape[1]).unsqueeze(2).to(outputs.dtype);
        return (outputs * mask).sum(1) / lengthsHere.unsqueeze(1).to(outputs.dtype);
    }

    /// <summary>The element-wise maximum of each row's outputs over its real steps.</summary>
    public static Tensor Max(Tensor outputs, Tensor lengths)
    {
        var padding = Mask(lengths.to(outputs.device), outputs.shape[1]).logical_not().unsqueeze(2);
        // An explicit Scalar, alive until the call returns: TorchSharp's Scalar is freed by its finalizer, and an
        // implicit one can be finalized while LibTorch still reads it (a training beside this one made the GC run
        // mid-call, and masked_fill read a freed value).
        using var negativeInfinity = double.NegativeInfinity.ToScalar();
        return outputs.masked_fill(padding, negativeInfinity).amax([1]);
    }

    /// <summary>Max over time and mean over time side by side: [B, 2D] (the max first).</summary>
    public static Tensor MaxMean(Tensor outputs, Tensor lengths) => cat([Max(outputs, lengths), Mean(outputs, lengths)], 1);

    /// <summary>How many times wider than one step's output the readout's vector is (2 for <see cref="Readout.MaxMean"/>).</summary>
    public static int Width(Readout readout) => readout == Readout.MaxMean ? 2 : 1;

    /// <summary>Applies the readout the options name.</summary>
    public static Tensor Apply(Readout readout, Tensor outputs, Tensor lengths) => readout switch
    {
        Readout.Final => Last(outputs, lengths),
        Readout.Mean => Mean(outputs, lengths),
        Readout.Max => Max(outputs, lengths),
        Readout.MaxMean => MaxMean(outputs, lengths),
        _ => throw new ArgumentOutOfRangeException(nameof(readout), readout, "unknown readout"),
    };
}
