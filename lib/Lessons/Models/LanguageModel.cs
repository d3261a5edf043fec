using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// A recurrent language model: it reads token ids [B, T] from a state (null: zeros) and gives, at every step, a score
/// for every possible next token [B, T, vocabulary], and the (h, c) state after the last step, to read on from. A
/// notebook writes its own (embedding, LSTM, linear); the kit's sampling check (<see cref="StepCheck.Sampling"/>) and
/// <c>BitsPerCharacter.Of</c> take any of them.
/// </summary>
public abstract class LanguageModel(string name)
    : nn.Module<Tensor, (Tensor H, Tensor C)?, (Tensor Scores, (Tensor H, Tensor C) State)>(name);
