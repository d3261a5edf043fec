using static Lessons.Localization.KitLanguage;

namespace Lessons.Data;

/// <summary>Both splits of AG News (or of a user's own data, see <see cref="OwnData"/>),
/// which data they are (<paramref name="Source"/>, e.g. "AG News mini split
/// (data/ag_news-mini, shipped with the kit)") and how to choose other data (<paramref name="HowToSwitch"/>).
/// Neither names a path outside the repository unless the user gave one.</summary>
public sealed record TextClassificationData(IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Test, string Source, string HowToSwitch = "")
{
    private string folder = "";

    /// <summary>The class names by label: AG News's four, or those of a user's own data.</summary>
    public IReadOnlyList<string> Classes { get; init; } = AgNews.ShownClasses();

    /// <summary>What the data is called: "AG News", or the file or folder name of a user's own data.</summary>
    public string Name { get; init; } = "AG News";

    /// <summary>What a row is, in the plural: AG News's "headlines", own data's "texts".</summary>
    public string RowKind { get; init; } = Words.Text("data.headlines");

    /// <summary>The full path of the folder the two files were read from (for a tool that reads them itself, such as
    /// the bench's PyTorch reference). A method, not a property, so that a notebook showing the data shows no path
    /// of this machine.</summary>
    public string FolderPath() => folder;

    /// <summary>This data, read from <paramref name="path"/>.</summary>
    internal TextClassificationData ReadFrom(string path) => this with { folder = Path.GetFullPath(path) };

    /// <summary>One line for people: the data in use and how to switch.</summary>
    public string InUse => Words.Format(HowToSwitch.Length == 0 ? "data.in-use" : "data.in-use-switch", Source, HowToSwitch);

    /// <summary>
    /// "AG News: 6,080 train, 1,520 test headlines, 4 classes": what a notebook shows for the value, instead of the
    /// record's dump of list type names.
    /// </summary>
    public override string ToString() => Words.Format("data.summary",
        Name, Train.Count, Test.Count, RowKind, Train.Concat(Test).Select(i => i.Label).Distinct().Count());
}
