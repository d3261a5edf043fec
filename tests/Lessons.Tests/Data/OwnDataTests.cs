using System.Text;
using Lessons.Data;

namespace Lessons.Tests.Data;

public sealed class OwnDataTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static OwnDataOptions Default => new();

    [Fact]
    public void A_folder_of_three_string_labelled_classes_reads_exact_rows_with_classes_in_ordinal_order()
    {
        folder.Write("train.tsv", "label\ttext\nsports\tGoal in the last minute\nweather\tRain all week\npolitics\tVote on Sunday\n");
        folder.Write("test.tsv", "label\ttext\nweather\tSun at last\nsports\tA new record\npolitics\tThe budget passed\n");

        var data = OwnData.Load(folder.Path, Default);

        Assert.Equal(["politics", "sports", "weather"], data.Classes);
        Assert.Equal([new LabeledText(1, "Goal in the last minute", ""), new LabeledText(2, "Rain all week", ""),
            new LabeledText(0, "Vote on Sunday", "")], data.Train);
        Assert.Equal([new LabeledText(2, "Sun at last", ""), new LabeledText(1, "A new record", ""),
            new LabeledText(0, "The budget passed", "")], data.Test);
        Assert.Equal(["goal", "in", "the", "last", "minute"], Lessons.Text.BasicEnglishTokenizer.Tokenize(data.Train[0].Text));
        Assert.Contains("label column «label», text column «text»; 3 classes", data.Source);
    }

    [Fact]
    public void Quoted_multi_line_fields_are_read_whole_and_later_errors_name_the_right_line()
    {
        var path = folder.Write("notes.csv",
            "id,text,topic\n1,\"first line\nsecond line\",a\n2,\"say \"\"hi\"\", ok\",b\n3,plain,a\n4,also plain,b\n");
        var options = new OwnDataOptions("topic", ["text"]);

        var data = OwnData.Load(path, options with { TestShare = 0.5 });

        var all = data.Train.Concat(data.Test).OrderBy(i => i.Title, StringComparer.Ordinal).Select(i => i.Title);
        Assert.Equal(["also plain", "first line\nsecond line", "plain", "say \"hi\", ok"], all);
        Assert.Equal(["a", "b"], data.Classes);

        var bad = folder.Write("bad.csv", "id,text,topic\n1,\"first line\nsecond line\",a\n2,two fields\n");
        var error = Assert.Throws<DataFormatException>(() => OwnData.Load(bad, options));
        Assert.Equal((bad, 4), (error.File, error.Line));
        Assert.StartsWith("expected 3 fields (as in the header), found 2", error.Problem);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var path = folder.File("bom.tsv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("label\ttext\nx\tone\ny\ttwo\nx\tthree\ny\tfour\n")]);

        var data = OwnData.Load(path, Default with { TestShare = 0.5 });

        Assert.Equal(["x", "y"], data.Classes);
        Assert.Equal(4, data.Train.Count + data.Test.Count);
    }

    [Fact]
    public void One_class_only_is_a_clear_error_naming_the_file()
    {
        var path = folder.Write("one.tsv", "label\ttext\nsame\tfirst\nsame\tsecond\n");

        var error = Assert.Throws<InvalidDataException>(() => OwnData.Load(path, Default));

        Assert.Equal($"{path}: only one class («same») is there; a classifier needs at least two", error.Message);
    }

    [Fact]
    public void A_label_column_that_does_not_exist_names_the_column_and_the_files_columns()
    {
        var path = folder.Write("news.tsv", "category\theadline\nx\tone\ny\ttwo\n");

        var error = Assert.Throws<DataFormatException>(() => OwnData.Load(path, Default));

        Assert.Equal($"{path}, line 1: there is no column «label» (--label-column); the header's columns are: «category», «headline»",
            error.Message);
        var byIndex = Assert.Throws<DataFormatException>(() => OwnData.Load(path, new OwnDataOptions("0", ["5"])));
        Assert.Equal("there is no column 5 (--text-columns): the file has 2 columns, 0 to 1", byIndex.Problem);
    }

    [Fact]
    public void Columns_chosen_by_index_read_a_file_without_header_and_numbered_labels_take_names_from_classes_txt()
    {
        folder.Write(OwnData.NamesFile, "negative\npositive\n");
        var path = folder.Write("reviews.csv", "Great film,2,Loved it\nDull,1,Slept\nFine,2,Good\nBad,1,Awful\n");

        var data = OwnData.Load(path, new OwnDataOptions("1", ["0", "2"], TestShare: 0.5));

        Assert.Equal(["negative", "positive"], data.Classes);
        var all = data.Train.Concat(data.Test).OrderBy(i => i.Title, StringComparer.Ordinal).ToList();
        Assert.Equal([new LabeledText(0, "Bad", "Awful"), new LabeledText(0, "Dull", "Slept"), new LabeledText(1, "Fine", "Good"),
            new LabeledText(1, "Great film", "Loved it")], all);
    }

    [Fact]
    public void A_single_file_splits_seeded_and_stratified()
    {
        var rows = Enumerable.Range(0, 30).Select(i => $"{"abc"[i % 3]}\trow {i}");
        var path = folder.Write("rows.tsv", "label\ttext\n" + string.Join("\n", rows) + "\n");

        var first = OwnData.Load(path, Default with { Seed = 7 });
        var again = OwnData.Load(path, Default with { Seed = 7 });
        var other = OwnData.Load(path, Default with { Seed = 8 });

        Assert.Equal(first.Train, again.Train);
        Assert.Equal(first.Test, again.Test);
        Assert.NotEqual(first.Test, other.Test);
        Assert.Equal([2, 2, 2], Enumerable.Range(0, 3).Select(c => first.Test.Count(i => i.Label == c)));
        Assert.Equal([8, 8, 8], Enumerable.Range(0, 3).Select(c => first.Train.Count(i => i.Label == c)));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"row {i}").Order(),
            first.Train.Concat(first.Test).Select(i => i.Title).Order());
        Assert.Equal(first.Test.OrderBy(i => int.Parse(i.Title[4..])), first.Test); // file order kept
        Assert.Contains("80% train / 20% test, stratified, seed 7", first.Source);
    }

    [Fact]
    public void A_class_with_one_row_cannot_be_split_and_the_error_names_file_and_class()
    {
        var path = folder.Write("few.tsv", "label\ttext\na\tone\na\ttwo\nb\tthree\n");

        var error = Assert.Throws<InvalidDataException>(() => OwnData.Load(path, Default));

        Assert.StartsWith($"{path}: the class «b» has one row only", error.Message);
    }

    [Fact]
    public void The_ag_news_choices_still_load_ag_news_with_its_four_classes()
    {
        var data = OwnData.Load(SharedData.Mini, Default);

        Assert.Equal(AgNews.Classes, data.Classes);
        Assert.Equal(AgNews.Load(SharedData.Mini).Train, data.Train);
    }
}
