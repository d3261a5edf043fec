using Lessons.Data;
using Lessons.Models;

namespace Lessons.Tests.Data;

/// <summary>Own data with many classes: capped where it is loaded at the classes a model can have, shown in a table
/// that fits, and split in one pass over the rows with the very split the per-class scan gave.</summary>
public sealed class ManyClassesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A TSV of <paramref name="classes"/> classes with two rows each.</summary>
    private string Classes(int classes, string name = "many.tsv") =>
        folder.Write(name, "label\ttext\n" + string.Concat(Enumerable.Range(0, 2 * classes).Select(i => $"c{i % classes}\tword{i}\n")));

    private static (int Exit, string Output, string Errors) RunDataCommand(string path)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output), ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        console.Profile.Width = 200;
        int exit = Lessons.Cli.Commands.DataCommand.Run(path, console, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(40_000)]
    public void More_classes_than_a_model_can_have_is_one_line_naming_the_file(int classes)
    {
        var path = Classes(classes);

        var (exit, _, errors) = RunDataCommand(path);

        Assert.Equal(1, exit);
        Assert.Equal($"{path}: {classes:N0} classes, more than the 1,000 a model of the kit can have; merge classes, or choose another label column",
            errors.Trim());
    }

    [Fact]
    public void As_many_classes_as_a_checkpoint_holds_load()
    {
        var path = Classes(ModelLimits.MaxClasses);

        var data = OwnData.Load(path, new OwnDataOptions());

        Assert.Equal(1000, data.Classes.Count);
    }

    [Fact]
    public void The_data_command_shows_a_few_class_columns_and_says_how_many_it_left_out()
    {
        var (exit, output, errors) = RunDataCommand(Classes(ModelLimits.MaxClasses));

        Assert.Equal("", errors);
        Assert.Equal(0, exit);
        Assert.Matches(@"│ split │\s+rows │\s+c0 │\s+c1 │\s+c10 │\s+c100 │\s+c101 │\s+c102 │\s+c103 │ 993 more classes │", output);
        Assert.Matches(@"│ train │\s+1,000 │\s+1 │\s+1 │\s+1 │\s+1 │\s+1 │\s+1 │\s+1 │\s+993 │", output);
        Assert.Contains("993 of the 1,000 classes are not shown one by one; their rows are counted in the last column.", output);
    }

    /// <summary>The split as it was written first: one scan over every row per class.</summary>
    private static (int[] Train, int[] Test) PerClassScan(int[] labels, int classes, double testShare, int seed)
    {
        var random = new Random(seed);
        var test = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            int[] rows = [.. Enumerable.Range(0, labels.Length).Where(i => labels[i] == c)];
            if (rows.Length == 0) continue;
            random.Shuffle(rows);
            int take = Math.Clamp((int)Math.Round(rows.Length * testShare, MidpointRounding.AwayFromZero), 1, rows.Length - 1);
            test.AddRange(rows[..take]);
        }
        var inTest = test.ToHashSet();
        return ([.. Enumerable.Range(0, labels.Length).Where(i => !inTest.Contains(i))], [.. test.Order()]);
    }

    public static TheoryData<int, double> Splits => new() { { 0, 0.2 }, { 7, 0.2 }, { 42, 0.5 }, { -3, 0.05 } };

    [Theory]
    [MemberData(nameof(Splits))]
    public void The_linear_split_of_the_shipped_spamassassin_file_is_the_per_class_scans_split(int seed, double share)
    {
        var labelsAsWritten = File.ReadLines(Path.Combine(SharedData.Folder, "spamassassin", "spamassassin.tsv")).Skip(1)
            .Select(line => line[..line.IndexOf('\t')]).ToArray();
        var classes = labelsAsWritten.Distinct().Order(StringComparer.Ordinal).ToList();
        int[] labels = [.. labelsAsWritten.Select(l => classes.IndexOf(l))];
        Assert.Equal(5_757, labels.Length);

        var linear = StratifiedSplit.Split(labels, classes.Count, share, seed, c => $"class {c}");

        var scan = PerClassScan(labels, classes.Count, share, seed);
        Assert.Equal(scan.Train, linear.Train);
        Assert.Equal(scan.Test, linear.Test);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void The_linear_split_of_a_thousand_uneven_classes_is_the_per_class_scans_split(int seed, double share)
    {
        var draw = new Random(2025);
        // Classes of 2 to 40 rows, shuffled together; every third class number has no rows at all.
        int[] labels = [.. Enumerable.Range(0, 1000).Where(c => c % 3 != 0).SelectMany(c => Enumerable.Repeat(c, 2 + draw.Next(39)))];
        draw.Shuffle(labels);

        var linear = StratifiedSplit.Split(labels, 1000, share, seed, c => $"class {c}");

        var scan = PerClassScan(labels, 1000, share, seed);
        Assert.Equal(scan.Train, linear.Train);
        Assert.Equal(scan.Test, linear.Test);
    }
}
