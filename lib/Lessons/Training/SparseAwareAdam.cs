using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

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
    readonly double beta1, beta2, epsilon;
    long step;

    public SparseAwareAdam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double weightDecay = 0,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.parameters = [.. parameters.Where(p => p.requires_grad)];
        firstMoment = new Tensor?[this.parameters.Length];
        secondMoment = new Tensor?[this.parameters.Length];
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
    /// </summary>
    public double Step(double clipNorm = 0)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        step++;

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

        double correction1 = 1 - Math.Pow(beta1, step);
        double correction2 = 1 - Math.Pow(beta2, step);
        double stepSize = LearningRate / correction1;
        double sqrtCorrection2 = Math.Sqrt(correction2);

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

    public void Dispose()
    {
        foreach (var t in firstMoment) t?.Dispose();
        foreach (var t in secondMoment) t?.Dispose();
    }
}
