using System.CommandLine;
using System.Text;
using Lessons.Text;

namespace Lessons.Cli.Commands;

/// <summary>`lessons tokenize`: each line of standard input becomes its basic_english tokens joined by single spaces,
/// one line out per line in (what torchtext's <c>get_tokenizer("basic_english")</c> gives).</summary>
public static class TokenizeCommand
{
    public static Command Create()
    {
        var command = new Command("tokenize", "Tokenize standard input line by line as torchtext's basic_english does; print each line's tokens joined by spaces.");
        command.SetAction(_ =>
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            using var input = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            using var output = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16) { AutoFlush = false };
            Run(input, output);
            return 0;
        });
        return command;
    }

    /// <summary>Writes one line of tokens to <paramref name="output"/> per line of <paramref name="input"/>.</summary>
    public static void Run(TextReader input, TextWriter output)
    {
        while (input.ReadLine() is { } line)
        {
            BasicEnglishTokenizer.WriteTokens(line, output);
            output.Write('\n');
        }
    }
}
