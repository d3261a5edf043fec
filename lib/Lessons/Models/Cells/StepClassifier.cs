using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The lesson's classifier (an embedding, one recurrent layer, the mean of its states over each headline's real
/// tokens, a linear layer), whose recurrent layer is a built-in nn.RNN or nn.LSTM that runs either its own forward or
/// a step function a student wrote (<c>RnnStep</c>, <c>LstmStep</c>), called once per time step on the whole batch
/// with the layer's own parameters, so that autograd trains the student's code. Both ways hold the same parameters,
/// drawn in the same order: with the same seed they start from the same weights, and trained side by side they show
/// that the student's step is the layer.
/// </summary>
public sealed class StepClassifier : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly nn.Module layer;
    readonly Linear classify;
    readonly Func<Tensor, Tensor> run;

    StepClassifier(Embedding embedding, nn.Module layer, int hidden, int classes, Func<Tensor, Tensor> run)
        : base(nameof(StepClassifier))
    {
        (this.embedding, this.layer, this.run) = (embedding, layer, run);
        classify = nn.Linear(hidden, classes);
        RegisterComponents();
    }

    /// <summary>A simple RNN: nn.RNN's forward, or s = <paramref name="step"/>(x_t, s, W, H, b) at every step t from s = 0.</summary>
    public static StepClassifier Rnn(int vocabulary, Func<Tensor, Tensor, Tensor, Tensor, Tensor, Tensor>? step = null,
        int classes = 4, int embeddingSize = 64, int hidden = 32)
    {
        var embedding = nn.Embedding(vocabulary, embeddingSize);   // drawn before the layer, as in the lesson's model
        var rnn = nn.RNN(embeddingSize, hidden, batchFirst: true);
        return new StepClassifier(embedding, rnn, hidden, classes, step is null
            ? x => rnn.call(x).Item1
            : x =>
            {
                var w = GateWeights.Split(BuiltInWeights.Of(rnn), 1, trainable: true)[0];
                var (b, s) = (w.B, zeros(x.shape[0], hidden));
                return Unroll(x, xt => s = step(xt, s, w.W, w.H, b));
            });
    }

    /// <summary>An LSTM: nn.LSTM's forward, or (h, c) = <paramref name="step"/>(x_t, h, c, weights) at every step t from h = c = 0.</summary>
    public static StepClassifier Lstm(int vocabulary, Func<Tensor, Tensor, Tensor, LstmWeights, (Tensor H, Tensor C)>? step = null,
        int classes = 4, int embeddingSize = 64, int hidden = 32)
    {
        var embedding = nn.Embedding(vocabulary, embeddingSize);
        var lstm = nn.LSTM(embeddingSize, hidden, batchFirst: true);
        return new StepClassifier(embedding, lstm, hidden, classes, step is null
            ? x => lstm.call(x).Item1
            : x =>
            {
                var w = LstmWeights.Of(lstm, trainable: true);
                var (h, c) = (zeros(x.shape[0], hidden), zeros(x.shape[0], hidden));
                return Unroll(x, xt =>
                {
                    (h, c) = step(xt, h, c, w);
                    return h;
                });
            });
    }

    /// <summary>tokens [B, T] (padded after each row's last real token), lengths [B] -> one score per class [B, classes].</summary>
    public override Tensor forward(Tensor tokens, Tensor lengths)
    {
        var states = run(embedding.call(tokens));                          // [B, T, hidden]
        return classify.call(SequenceReadout.Mean(states, lengths));
    }

    /// <summary>Calls <paramref name="step"/> on x[:, t] for t = 0..T-1 and stacks what it returns into [B, T, hidden].</summary>
    static Tensor Unroll(Tensor x, Func<Tensor, Tensor> step) =>
        stack([.. Enumerable.Range(0, (int)x.shape[1]).Select(t => step(x[.., t]))], 1);
}
