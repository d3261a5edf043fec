using System.Globalization;
using static Lessons.Localization.KitLanguage;

namespace Lessons.Data;

/// <summary>
/// A user's own text classification data: a CSV or TSV file (the delimiter follows the extension: <c>.tsv</c> is a
/// tab, anything else a comma), UTF-8 with or without a byte order mark, with a label column and one or more text
/// columns (see <see cref="OwnDataOptions"/> for choosing them and for when the first row is a header). A single file
/// is split into train and test, stratified by class and seeded; a folder holding <c>train.tsv</c> and
/// <c>test.tsv</c> (or <c>train.csv</c> and <c>test.csv</c> when columns are chosen) is used as it is.
/// <para>Classes: with a file <c>classes.txt</c> beside the data (one name per line), its lines name the classes in
/// that order, and a label is one of those names or its number from 1 (as AG News's 1..4). Without one, the classes
/// are the distinct labels, in numeric order when all are whole numbers, else in ordinal (culture-free) order.</para>
/// </summary>
public static class OwnData
{
    /// <summary>The most classes a data set may have: what a checkpoint holds (the models' limits follow it).</summary>
    public const int MaxClasses = 1000;

    /// <summary>The file beside the data that names the classes.</summary>
    public const string NamesFile = "classes.txt";

    /// <summary>What a row of own data is called (AG News's are headlines).</summary>
    private static string OwnRows => Words.Text("data.texts");

    /// <summary>The own-data file names of a folder: tab-separated first.</summary>
    private static readonly (string Train, string Test)[] FolderFiles =
        [("train.tsv", "test.tsv"), ("train.csv", "test.csv")];

    /// <summary>
    /// Loads what <c>--data</c> names: a file, or a folder of own data (a folder with <c>train.tsv</c> and
    /// <c>test.tsv</c>, or any folder when <paramref name="options"/> choose columns), as own data; anything else
    /// (<c>mini</c>, <c>full</c>, nothing, an AG News folder) as <see cref="AgNews.Load"/> does.
    /// </summary>
    /// <exception cref="DataFormatException">A file has a bad row or lacks a chosen column.</exception>
    /// <exception cref="InvalidDataException">The data has fewer than two classes, or a class too few rows to split.</exception>
    public static TextClassificationData Load(string? data, OwnDataOptions options, IProgress<DownloadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (data is not null && (data.Equals(AgNews.MiniChoice, StringComparison.OrdinalIgnoreCase)
            || data.Equals(AgNews.FullChoice, StringComparison.OrdinalIgnoreCase)) && !options.ChoosesColumns)
            return AgNews.Load(data, progress); // the choices win over a file of that name, as over a folder
        if (data is not null && File.Exists(data)) return ReadFile(data, options);
        if (data is not null && Directory.Exists(data) && FilesIn(data, options) is { } files)
            return ReadFolder(data, files, options);
        if (options.ChoosesColumns)
            throw new AgNewsNotFoundException(data is null
                ? "--label-column and --text-columns need --data: a CSV or TSV file, or a folder holding train and test files."
                : $"{Path.GetFullPath(data)} is neither a file nor a folder holding train.tsv and test.tsv " +
                    "or train.csv and test.csv.");
        return AgNews.Load(data, progress);
    }

    private static (string Train, string Test)? FilesIn(string folder, OwnDataOptions options)
    {
        foreach (var (train, test) in FolderFiles)
        {
            bool ownByName = train.EndsWith(".tsv", StringComparison.Ordinal) || options.ChoosesColumns;
            if (ownByName && File.Exists(Path.Combine(folder, train)) && File.Exists(Path.Combine(folder, test)))
                return (Path.Combine(folder, train), Path.Combine(folder, test));
        }
        return null;
    }

    private static TextClassificationData ReadFile(string path, OwnDataOptions options)
    {
        if (options.TestShare is not (> 0 and < 1))
            throw new ArgumentException($"The test share must be in (0, 1) (got {options.TestShare}).", nameof(options));
        var file = OwnDataFile.Read(path, options);
        var classes = ClassNames(file);
        var labels = Labels(file, classes);
        var (train, test) = StratifiedSplit.Split(labels, classes.Count, options.TestShare, options.Seed,
            c => Words.Format("data.error-one-row-class", path, classes[c]));
        var items = Items(file, labels);
        return new TextClassificationData([.. train.Select(i => items[i])], [.. test.Select(i => items[i])],
            Words.Format("data.own-file", Path.GetFileName(path), file.Columns, classes.Count,
                1 - options.TestShare, options.TestShare, options.Seed))
        { Classes = classes, Name = Path.GetFileName(path), RowKind = OwnRows }.ReadFrom(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }


    private static TextClassificationData ReadFolder(string folder, (string Train, string Test) files, OwnDataOptions options)
    {
        var train = OwnDataFile.Read(files.Train, options);
        var test = OwnDataFile.Read(files.Test, options);
        var classes = ClassNames(train, test);
        return new TextClassificationData(Items(train, Labels(train, classes)), Items(test, Labels(test, classes)),
            $"folder {folder} ({Path.GetFileName(files.Train)} and {Path.GetFileName(files.Test)}; " +
            $"{train.Columns}; {classes.Count} classes)")
        { Classes = classes, Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), RowKind = OwnRows }
            .ReadFrom(folder);
    }

    /// <summary>The class names: from <see cref="NamesFile"/> beside the first file, else the distinct labels in order.</summary>
    private static IReadOnlyList<string> ClassNames(params OwnDataFile[] files)
    {
        var namesPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(files[0].Path))!, NamesFile);
        IReadOnlyList<string> classes;
        if (File.Exists(namesPath))
        {
            classes = [.. File.ReadAllLines(namesPath).Select(l => l.Trim()).Where(l => l.Length > 0)];
            if (classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
                throw new InvalidDataException(Words.Format("data.error-class-twice", namesPath));
        }
        else
        {
            var distinct = files.SelectMany(f => f.Rows).Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
            classes = distinct.All(OwnDataOptions.IsIndex)
                ? [.. distinct.OrderBy(l => long.Parse(l, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal)]
                : [.. distinct.Order(StringComparer.Ordinal)];
        }
        if (classes.Count > MaxClasses)
            throw new InvalidDataException(Words.Format("data.error-too-many-classes",
                File.Exists(namesPath) ? namesPath : string.Join(Words.Text("data.and"), files.Select(f => f.Path)),
                classes.Count, MaxClasses));
        if (classes.Count < 2)
            throw new InvalidDataException(Words.Format(classes.Count == 0 ? "data.error-no-class" : "data.error-one-class",
                string.Join(Words.Text("data.and"), files.Select(f => f.Path)), classes.Count == 0 ? "" : classes[0]));
        return classes;
    }

    /// <summary>Each row's label: the index of its class in <paramref name="classes"/>.</summary>
    private static int[] Labels(OwnDataFile file, IReadOnlyList<string> classes)
    {
        var index = classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        return [.. file.Rows.Select(row =>
            index.TryGetValue(row.Label, out int label) ? label
            : int.TryParse(row.Label, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                && number >= 1 && number <= classes.Count
                ? number - 1
                : throw new DataFormatException(file.Path, row.Line, Words.Format("data.error-class-not-named",
                    row.Label, NamesFile, string.Join(", ", classes), classes.Count)))];
    }

    private static LabeledText[] Items(OwnDataFile file, int[] labels) =>
        [.. file.Rows.Select((row, i) => LabeledText.Decoded(labels[i], row.Title, row.Description))];
}
