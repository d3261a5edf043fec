using static TorchSharp.torch;

namespace Lessons.Models;

/// <summary>
/// A module's weights live as long as the module, not as long as the DisposeScope it happened to be built in.
/// TorchSharp registers some freshly created parameters (Embedding's, the recurrent layers', hand-made ones) in the
/// current scope, so a model built inside a training or notebook scope would lose its weights when that scope ends.
/// </summary>
internal static class ParameterLifetime
{
    /// <summary>Detaches every parameter and buffer of <paramref name="module"/> from any DisposeScope; returns the module.</summary>
    public static T OwnedByModule<T>(T module) where T : nn.Module
    {
        foreach (var parameter in module.parameters()) parameter.DetachFromDisposeScope();
        foreach (var buffer in module.buffers()) buffer.DetachFromDisposeScope();
        return module;
    }
}
