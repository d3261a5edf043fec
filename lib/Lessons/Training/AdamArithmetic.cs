using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lessons.Training;

/// <summary>The numbers one Adam step applies to every element it updates.</summary>
/// <param name="GradientScale">Global-norm clipping's factor (1 when not clipping).</param>
/// <param name="Decay">1 − learning rate × weight decay (decoupled weight decay; 1 for none).</param>
/// <param name="Add1">1 − β1, and <paramref name="Add2"/> 1 − β2, rounded from double as LibTorch rounds them.</param>
/// <param name="StepSize">Learning rate / (1 − β1^t).</param>
/// <param name="SqrtCorrection2">√(1 − β2^t).</param>
readonly record struct AdamConstants(float GradientScale, float Decay, float Beta1, float Beta2, float Add1, float Add2,
    float StepSize, float SqrtCorrection2, float Epsilon);

/// <summary>
/// Adam's element-wise update on plain float spans, in one SIMD pass over weights, moments and gradient:
/// <code>
///   g = scale · grad,   m = β1 m + (1 − β1) g,   v = β2 v + (1 − β2) g²
///   w = decay · w − stepSize · m / (√v / √(1 − β2^t) + ε)
/// </code>
/// the same arithmetic, in the same order, as <c>torch.optim.Adam</c>'s single-tensor step (float32 throughout).
/// One pass with no native call: for the kit's small models a native call per operation and parameter cost more than
/// the arithmetic.
/// </summary>
static class AdamArithmetic
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(Span<float> weights, Span<float> firstMoment, Span<float> secondMoment,
        ReadOnlySpan<float> gradient, in AdamConstants c)
    {
        int n = weights.Length;
        if (firstMoment.Length != n || secondMoment.Length != n || gradient.Length != n)
            throw new ArgumentException($"Adam: weights, moments and gradient differ in length ({n}, {firstMoment.Length}, {secondMoment.Length}, {gradient.Length})");
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float m = ref MemoryMarshal.GetReference(firstMoment);
        ref float v = ref MemoryMarshal.GetReference(secondMoment);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        var (scale, decay, beta1, beta2) = (new Vector<float>(c.GradientScale), new Vector<float>(c.Decay),
            new Vector<float>(c.Beta1), new Vector<float>(c.Beta2));
        var (add1, add2) = (new Vector<float>(c.Add1), new Vector<float>(c.Add2));
        var (minusStep, sqrt2, epsilon) = (new Vector<float>(-c.StepSize), new Vector<float>(c.SqrtCorrection2), new Vector<float>(c.Epsilon));
        int i = 0;
        for (; i + Vector<float>.Count <= n; i += Vector<float>.Count)
        {
            var at = (nuint)i;
            var gi = Vector.LoadUnsafe(ref g, at) * scale;
            var mi = Vector.LoadUnsafe(ref m, at) * beta1 + gi * add1;
            var vi = Vector.LoadUnsafe(ref v, at) * beta2 + gi * gi * add2;
            var wi = Vector.LoadUnsafe(ref w, at) * decay + minusStep * (mi / (Vector.SquareRoot(vi) / sqrt2 + epsilon));
            mi.StoreUnsafe(ref m, at);
            vi.StoreUnsafe(ref v, at);
            wi.StoreUnsafe(ref w, at);
        }
        for (; i < n; i++)
        {
            float gi = gradient[i] * c.GradientScale;
            float mi = firstMoment[i] = firstMoment[i] * c.Beta1 + gi * c.Add1;
            float vi = secondMoment[i] = secondMoment[i] * c.Beta2 + gi * gi * c.Add2;
            weights[i] = weights[i] * c.Decay - c.StepSize * (mi / (MathF.Sqrt(vi) / c.SqrtCorrection2 + c.Epsilon));
        }
    }
}
