using Lessons.Cli.Commands;

namespace Lessons.Tests.Text;

public class TokenizeCommandTests
{
    [Fact]
    public void Writes_one_line_of_tokens_per_line_in()
    {
        var output = new StringWriter();

        TokenizeCommand.Run(new StringReader("You can now install TorchText using pip!\r\n\nWall St. Bears Claw Back Into the Black (Reuters)\n"), output);

        Assert.Equal("you can now install torchtext using pip !\n\nwall st . bears claw back into the black ( reuters )\n", output.ToString());
    }
}
