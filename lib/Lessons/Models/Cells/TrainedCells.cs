using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// The first recurrent layer of a trained <see cref="RecurrentClassifier"/>, rebuilt from hand-written cells (one per
/// direction) with the classifier's weights copied in, so a chart shows the gates of the network that was actually
/// trained. Snapshot: train further and build it again.
/// </summary>
public sealed class TrainedCells
{
    readonly RecurrentClassifier model;

    public RecurrentCell Forward { get; }

    /// <summary>The backward direction's cell, or null for a unidirectional classifier.</summary>
    public RecurrentCell? Backward { get; }

    TrainedCells(RecurrentClassifier model, RecurrentCell forward, RecurrentCell? backward) =>
        (this.model, Forward, Backward) = (model, forward, backward);

    /// <summary>Copies layer 0 (both directions when bidirectional) of the classifier into new hand-written cells on the CPU.</summary>
    public static TrainedCells From(RecurrentClassifier model)
    {
        var options = model.Options;
        RecurrentCell Load(bool reverse)
        {
            var cell = RecurrentCell.Create(options.Kind, options.Embedding, options.Hidden);
            cell.Load(model.LayerWeights(0, reverse));
            return cell;
        }
        return new TrainedCells(model, Load(false), options.Bidirectional ? Load(true) : null);
    }

    /// <summary>Embeds the tokens with the classifier's embedding (no dropout) and unrolls each direction's cell over them.</summary>
    public (Unrolled Forward, Unrolled? Backward) Unroll(Tensor tokens, Tensor lengths)
    {
        TokenBatchShape.Check(tokens, lengths);
        var embedded = Embed(tokens);
        var forward = Unroller.Run(Forward, embedded, lengths);
        var backward = Backward is null ? null : Unroller.Run(Backward, embedded, lengths, backward: true);
        return (forward, backward);
    }

    /// <summary>The classifier's embeddings of tokens [B, T] -> [B, T, embedding], on the cells' device (no dropout).</summary>
    public Tensor Embed(Tensor tokens)
    {
        if (tokens.dim() != 2 || tokens.dtype != ScalarType.Int64)
            throw new ArgumentException($"tokens must be a [batch, steps] Int64 tensor; got [{string.Join(", ", tokens.shape)}] of {tokens.dtype}.", nameof(tokens));
        return model.Embedding.call(tokens.to(model.Embedding.weight!.device)).to(Forward.BuiltInOrder[0].InputWeight.device);
    }

    /// <summary>
    /// The traces of one headline: token ids and their strings -> [forward] or [forward, backward], every step indexed
    /// by the token's position in the headline.
    /// </summary>
    public IReadOnlyList<CellTrace> Trace(IReadOnlyList<int> tokenIds, IReadOnlyList<string> tokens)
    {
        if (tokenIds.Count == 0) throw new ArgumentException("a headline to trace needs at least one token.", nameof(tokenIds));
        if (tokenIds.Count != tokens.Count)
            throw new ArgumentException($"got {tokenIds.Count} token ids but {tokens.Count} token strings.", nameof(tokens));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(tokenIds.Select(i => (long)i).ToArray(), dtype: ScalarType.Int64).unsqueeze(0).to(model.Embedding.weight!.device);
        var lengths = tensor(new long[] { tokenIds.Count });
        var (forward, backward) = Unroll(ids, lengths);
        var traces = new List<CellTrace>(Unroller.Traces(Forward, forward, lengths, [tokens]));
        if (backward is not null) traces.AddRange(Unroller.Traces(Backward!, backward, lengths, [tokens]));
        return traces;
    }
}
