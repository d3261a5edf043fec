using Lessons.Runner;
using Lessons.Tests.Runner;

namespace Lessons.Tests.Notebooks;

public sealed class NotebookDeadlineTests
{
    [Fact]
    public async Task A_notebook_past_its_deadline_fails_naming_it()
    {
        // timeout.ipynb's second cell waits 60 s; no cell limit, so only the notebook's deadline can stop it.
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => NotebookDeadline.RunAsync(
            new RunnerOptions { CellTimeout = null }, TestNotebooks.Path_("timeout.ipynb"), "timeout.ipynb", TimeSpan.FromSeconds(8)));

        Assert.Equal("timeout.ipynb did not finish within 8 s: it hangs, or a cell waits for something that never comes.", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(55), "the run was not stopped at its deadline");
    }
}
