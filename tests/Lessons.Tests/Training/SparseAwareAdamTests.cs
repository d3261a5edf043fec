using Lessons.Runtime;
using Lessons.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

[Collection(SeededTorchCollection.Name)]
public sealed class SparseAwareAdamTests
{
    public SparseAwareAdamTests() => TorchRuntime.EnsureReady();

    sealed class Tiny : nn.Module<Tensor, Tensor>
    {
        readonly Embedding embedding;
        readonly Linear head;
        public Tiny(bool sparse) : base("Tiny")
        {
            embedding = nn.Embedding(10, 3, padding_idx: 1, sparse: sparse);
            head = nn.Linear(3, 2);
            RegisterComponents();
        }
        public override Tensor forward(Tensor tokens) => head.call(embedding.call(tokens).sum(1));
        public Tensor Table => embedding.weight!;
    }

    static (Tiny Sparse, Tiny Dense) Twins()
    {
        random.manual_seed(5);
        var sparse = new Tiny(sparse: true);
        var dense = new Tiny(sparse: false);
        using (no_grad())
            foreach (var ((_, a), (_, b)) in sparse.named_parameters().Zip(dense.named_parameters())) b.copy_(a);
        return (sparse, dense);
    }

    static double Step(Tiny model, SparseAwareAdam adam, long[] tokens, double clip)
    {
        adam.ZeroGrad();
        using var input = tensor(tokens, [2, tokens.Length / 2]);
        using var target = tensor(new long[] { 0, 1 });
        using var loss = nn.functional.cross_entropy(model.forward(input), target);
        loss.backward();
        return adam.Step(clip);
    }

    [Fact]
    public void Sparse_and_dense_gradients_give_the_same_first_step_and_the_same_clipped_norm()
    {
        var (sparse, dense) = Twins();
        using var sparseAdam = new SparseAwareAdam(sparse.parameters(), 0.1);
        using var denseAdam = new SparseAwareAdam(dense.parameters(), 0.1);
        // Token 4 appears three times: the sparse gradient repeats its row and must be summed before use.
        long[] tokens = [4, 4, 2, 1, 4, 5, 1, 1];

        double sparseNorm = Step(sparse, sparseAdam, tokens, clip: 0.5);
        double denseNorm = Step(dense, denseAdam, tokens, clip: 0.5);

        Assert.True(denseNorm > 0.5, $"norm {denseNorm} should exceed the clip so clipping is exercised");
        Assert.Equal(denseNorm, sparseNorm, 5);
        foreach (var ((name, a), (_, b)) in sparse.named_parameters().Zip(dense.named_parameters()))
            Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-6), $"{name} differs after one step");
    }

    [Fact]
    public void Sparse_steps_leave_rows_the_batch_did_not_use_untouched()
    {
        var (sparse, _) = Twins();
        using var adam = new SparseAwareAdam(sparse.parameters(), 0.1);
        Step(sparse, adam, [2, 3, 4, 1], clip: 0);
        using var before = sparse.Table.detach().clone();

        Step(sparse, adam, [5, 6, 5, 1], clip: 0);

        using var after = sparse.Table.detach();
        foreach (int row in new[] { 0, 1, 2, 3, 4, 7, 8, 9 })
            Assert.True(after[row].allclose(before[row], rtol: 0, atol: 0), $"row {row} moved without a gradient");
        foreach (int row in new[] { 5, 6 })
            Assert.False(after[row].allclose(before[row], rtol: 0, atol: 0), $"row {row} should have moved");
    }

    [Fact]
    public void Dense_steps_match_TorchSharps_Adam()
    {
        var (_, ours) = Twins();
        var (_, reference) = Twins();
        using var adam = new SparseAwareAdam(ours.parameters(), 0.05);
        var torchAdam = optim.Adam(reference.parameters(), 0.05);
        long[][] batches = [[2, 3, 4, 1], [5, 2, 2, 6], [7, 8, 9, 1]];
        foreach (var tokens in batches)
        {
            Step(ours, adam, tokens, clip: 0);
            torchAdam.zero_grad();
            using var input = tensor(tokens, [2, 2]);
            using var target = tensor(new long[] { 0, 1 });
            using var loss = nn.functional.cross_entropy(reference.forward(input), target);
            loss.backward();
            torchAdam.step();
        }
        foreach (var ((name, a), (_, b)) in ours.named_parameters().Zip(reference.named_parameters()))
            Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-6), $"{name} differs from torch.optim.Adam after three steps");
    }
}
