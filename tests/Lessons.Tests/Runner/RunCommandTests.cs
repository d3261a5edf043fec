using Lessons.Cli.Commands;

namespace Lessons.Tests.Runner;

[Collection(ConsoleCollection.Name)]
public class RunCommandTests
{
    [Fact]
    public async Task Exits_non_zero_naming_the_notebook_the_cell_and_the_error()
    {
        var error = new StringWriter();
        var originalError = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = await RunCommand.Create().Parse([TestNotebooks.Path_("failing.ipynb")]).InvokeAsync();
        }
        finally
        {
            Console.SetError(originalError);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal($"{TestNotebooks.Path_("failing.ipynb")}: cell 3 failed: InvalidOperationException: no luck with 42",
            error.ToString().Trim());
    }
}
