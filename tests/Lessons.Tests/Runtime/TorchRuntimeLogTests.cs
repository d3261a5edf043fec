using Lessons.Runtime;

namespace Lessons.Tests.Runtime;

public sealed class TorchRuntimeLogTests
{
    [Fact]
    public void The_log_of_what_loading_did_is_a_copy_nobody_outside_can_change()
    {
        TorchRuntime.EnsureReady();
        var log = TorchRuntime.Log;
        Assert.Contains(log, line => line.StartsWith("TorchSharp ", StringComparison.Ordinal) && line.Contains(" ready on ", StringComparison.Ordinal));

        int lines = log.Count;
        if (log is ICollection<string> { IsReadOnly: false } writable) writable.Clear();

        Assert.Equal(lines, TorchRuntime.Log.Count);
    }
}
