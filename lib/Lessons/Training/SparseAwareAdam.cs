using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Lessons.Training;

/// <summary>
/// Adam (Kingma and Ba) with decoupled weight decay and global-norm clipping, written out so it can treat
/// sparse gradients the way PyTorch's SparseAdam does: for an embedding with sparse gradients only the
/// rows the batch used are read and written (moments and weights), instead of all 22,000 × 64 every step.
/// Dense parameters get the usual dense update.
/// </summary>
internal sealed class SparseAwareAdam : IDisposable
{
    readonly Parameter[] parameters;
    readonly Tensor?[] firstMoment, secondMoment;
    readonly SparseRowSums?[] rowSums;
    readonly double beta1, beta2, epsilon;
    long step;

    public SparseAwareAdam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double weightDecay = 0,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.parameters = [.. parameters.Where(p => p.requires_grad)];
        firstMoment = new Tensor?[this.parameters.Length];
        secondMoment = new Tensor?[this.parameters.Length];
        rowSums = new SparseRowSums?[this.parameters.Length];
        LearningRate = learningRate;
        WeightDecay = weightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public double LearningRate { get; set; }
    public double WeightDecay { get; set; }
    public long Steps => step;

    /// <summary>Forgets every parameter's gradient (sets it to none, so the next backward allocates fresh).</summary>
    public void ZeroGrad()
    {
        foreach (var p in parameters)
        {
            var grad = p.grad;
            if (grad is null) continue;
            p.grad = null;
            grad.Dispose();
        }
    }

    /// <summary>
    /// One update. When <paramref name="clipNorm"/> &gt; 0 the whole gradient is first scaled down so that its global
    /// L2 norm is at most clipNorm. Returns the gradient norm before clipping (0 when not clipping).
    /// Parameters in float32 on the CPU (the kit's default) are updated in managed code, one SIMD pass per parameter
    /// and no native call but reading the gradients; on any other device or type, with LibTorch's operations.
    /// </summary>
    public double Step(double clipNorm = 0)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        step++;
        double correction1 = 1 - Math.Pow(beta1, step);
        double correction2 = 1 - Math.Pow(beta2, step);
        double stepSize = LearningRate / correction1;
        double sqrtCorrection2 = Math.Sqrt(correction2);
        return parameters.All(p => p.device_type == DeviceType.CPU && p.dtype == ScalarType.Float32)
            ? ManagedStep(clipNorm, stepSize, sqrtCorrection2)
            : NativeStep(clipNorm, stepSize, sqrtCorrection2);
    }

    double ManagedStep(double clipNorm, double stepSize, double sqrtCorrection2)
    {
        // Dense gradients are read in place; sparse ones are coalesced into each parameter's row sums first.
        var grads = new Tensor?[parameters.Length];
        var gathered = new bool[parameters.Length];
        double squares = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            var g = parameters[i].grad;
            if (g is null) continue;
            if (g.is_sparse)
            {
                var p = parameters[i];
                var sums = rowSums[i] ??= new SparseRowSums((int)p.shape[0], (int)p.shape[1]);
                using var indices = g.SparseIndices[0].contiguous();
                using var values = g.SparseValues.contiguous();
                sums.Gather(Floats<long>(indices), Floats<float>(values));
                gathered[i] = true;
                squares += TensorPrimitives.SumOfSquares(sums.Sums);
            }
            else
            {
                grads[i] = g.contiguous();
                squares += TensorPrimitives.SumOfSquares(Floats<float>(grads[i]!));
            }
            firstMoment[i] ??= zeros_like(parameters[i]).DetachFromDisposeScope();
            secondMoment[i] ??= zeros_like(parameters[i]).DetachFromDisposeScope();
        }

        double norm = clipNorm > 0 ? Math.Sqrt(squares) : 0;
        float scale = norm > clipNorm && clipNorm > 0 ? (float)(clipNorm / (norm + 1e-6)) : 1;
        var dense = new AdamConstants(scale, (float)(1 - LearningRate * WeightDecay), (float)beta1, (float)beta2,
            (float)(1 - beta1), (float)(1 - beta2), (float)stepSize, (float)sqrtCorrection2, (float)epsilon);
        var sparse = dense with { Decay = 1 };   // weight decay touches dense parameters only
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (grads[i] is { } g)
                AdamArithmetic.Update(Floats<float>(p), Floats<float>(firstMoment[i]!), Floats<float>(secondMoment[i]!), Floats<float>(g), dense);
            else if (gathered[i] && rowSums[i] is { } sums)
            {
                Span<float> w = Floats<float>(p), m = Floats<float>(firstMoment[i]!), v = Floats<float>(secondMoment[i]!);
                for (int slot = 0; slot < sums.Count; slot++)
                {
                    int at = sums.Row(slot) * sums.Width;
                    AdamArithmetic.Update(w.Slice(at, sums.Width), m.Slice(at, sums.Width), v.Slice(at, sums.Width), sums.Sum(slot), sparse);
                }
            }
        }
        return norm;
    }

    double NativeStep(double clipNorm, double stepSize, double sqrtCorrection2)
    {
        // Sparse gradients can repeat a row (one entry per token): sum the repeats first.
        var grads = new (Tensor? Rows, Tensor Values)?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var g = parameters[i].grad;
            if (g is null) continue;
            grads[i] = g.is_sparse ? Coalesce(g) : (null, g);
        }

        double norm = 0, scale = 1;
        if (clipNorm > 0)
        {
            var squares = grads.Where(g => g is not null).Select(g => g!.Value.Values.square().sum()).ToArray();
            if (squares.Length > 0)
            {
                norm = Math.Sqrt(stack(squares).sum().item<float>());
                if (norm > clipNorm) scale = clipNorm / (norm + 1e-6);
            }
        }

        // Every number a native call takes is a Scalar held in a local until the step ends. A temporary Scalar (from an
        // implicit conversion) can be finalized while LibTorch still reads it: TorchSharp passes only its handle, and
        // this made addcmul_ fail now and then with a toFloat check under memory pressure.
        using Scalar decay = 1 - LearningRate * WeightDecay, keep1 = beta1, keep2 = beta2, add1 = 1 - beta1,
            add2 = 1 - beta2, sqrt2 = sqrtCorrection2, eps = epsilon, minusStep = -stepSize, clipScale = scale;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (grads[i] is not { } grad) continue;
            var p = parameters[i];
            var values = scale == 1 ? grad.Values : grad.Values.mul(clipScale);
            firstMoment[i] ??= zeros_like(p).DetachFromDisposeScope();
            secondMoment[i] ??= zeros_like(p).DetachFromDisposeScope();
            var m = firstMoment[i]!;
            var v = secondMoment[i]!;

            if (grad.Rows is null)
            {
                if (WeightDecay > 0) p.mul_(decay);
                m.mul_(keep1).add_(values, alpha: add1);
                v.mul_(keep2).addcmul_(values, values, value: add2);
                var denominator = v.sqrt().div_(sqrt2).add_(eps);
                p.addcdiv_(m, denominator, value: minusStep);
            }
            else
            {
                var rows = grad.Rows;
                var mRows = m.index_select(0, rows).mul_(keep1).add_(values, alpha: add1);
                var vRows = v.index_select(0, rows).mul_(keep2).addcmul_(values, values, value: add2);
                m.index_copy_(0, rows, mRows);
                v.index_copy_(0, rows, vRows);
                var update = mRows.div_(vRows.sqrt_().div_(sqrt2).add_(eps));
                p.index_add_(0, rows, update, alpha: minusStep);
            }
        }
        return norm;
    }

    /// <summary>A sparse [N, D] gradient as (distinct rows, summed values per row).</summary>
    static (Tensor? Rows, Tensor Values) Coalesce(Tensor sparse)
    {
        var indices = sparse.SparseIndices[0];
        var values = sparse.SparseValues;
        var (rows, inverse, _) = indices.unique(sorted: true, return_inverse: true);
        ArgumentNullException.ThrowIfNull(inverse);
        var summed = zeros(rows.shape[0], values.shape[1], dtype: values.dtype, device: values.device).index_add_(0, inverse, values, alpha: 1);
        return (rows, summed);
    }

    /// <summary>The storage of a contiguous CPU tensor as elements of type T.</summary>
    static Span<T> Floats<T>(Tensor tensor) where T : struct => MemoryMarshal.Cast<byte, T>(tensor.bytes);

    public void Dispose()
    {
        foreach (var t in firstMoment) t?.Dispose();
        foreach (var t in secondMoment) t?.Dispose();
    }
}
