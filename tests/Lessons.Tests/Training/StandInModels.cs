// TEMPORARY stand-in until the models branch lands; delete after merge.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

sealed class StandInLstm : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly LSTM lstm;
    readonly Linear fc;
    public StandInLstm(int vocab, int classes, bool sparse = false) : base("StandInLstm")
    {
        embedding = nn.Embedding(vocab, 16, padding_idx: 1, sparse: sparse);
        lstm = nn.LSTM(16, 16, batchFirst: true);
        fc = nn.Linear(16, classes);
        RegisterComponents();
    }
    public override Tensor forward(Tensor tokens, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var packed = nn.utils.rnn.pack_padded_sequence(embedding.forward(tokens), lengths, batch_first: true, enforce_sorted: false);
        var (_, h, _) = lstm.call(packed);
        return fc.forward(h[-1]).MoveToOuterDisposeScope();
    }
}

sealed class StandInBag : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly Linear fc;
    public StandInBag(int vocab, int classes) : base("StandInBag")
    {
        embedding = nn.Embedding(vocab, 16, padding_idx: 1);
        fc = nn.Linear(16, classes);
        RegisterComponents();
    }
    public override Tensor forward(Tensor tokens, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var sum = embedding.forward(tokens).sum(1);
        return fc.forward(sum / lengths.unsqueeze(1).to(float32)).MoveToOuterDisposeScope();
    }
}
