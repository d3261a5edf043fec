using Lessons.Notebooks;

namespace Lessons.Tests.Runner;

// LESSONS_QUICK is process-wide and the runner sets it while a --quick notebook runs: these tests run alone.
[Collection(ConsoleCollection.Name)]
public class KitTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" YES ", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Quick_mode_follows_LESSONS_QUICK(string? value, bool quick)
    {
        string? before = Environment.GetEnvironmentVariable(Kit.QuickVariable);
        try
        {
            Environment.SetEnvironmentVariable(Kit.QuickVariable, value);
            Assert.Equal(quick, Kit.Quick);
            Assert.Equal(quick ? 1 : 10, Kit.Pick(full: 10, quick: 1));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Kit.QuickVariable, before);
        }
    }

    [Fact]
    public void Outside_a_notebook_show_and_update_print_lines()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var progress = Kit.Show("epoch 0/2");
            progress.Update("epoch 1/2");
            Assert.False(progress.InNotebook);
        }
        finally
        {
            Console.SetOut(original);
        }
        Assert.Equal("epoch 0/2\nepoch 1/2\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
