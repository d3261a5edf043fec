namespace Lessons.Data;

/// <summary>
/// How to read a user's own data (<see cref="OwnData"/>). A column is chosen by its header name or by its index from
/// 0. The first row of a file is a header whenever any column is chosen by name, which is the default (the label
/// column is <c>label</c>); choose every column by index (<c>--label-column 0</c>) to read a file without a header.
/// </summary>
/// <param name="LabelColumn">The column holding the class (null: <see cref="DefaultLabelColumn"/>).</param>
/// <param name="TextColumns">The columns holding the text, joined by spaces in this order (null or empty: every
/// column but the label's).</param>
/// <param name="TestShare">The share of each class held out for testing when a single file is split, in (0, 1).</param>
/// <param name="Seed">The seed of that split.</param>
public sealed record OwnDataOptions(string? LabelColumn = null, IReadOnlyList<string>? TextColumns = null,
    double TestShare = OwnDataOptions.DefaultTestShare, int Seed = 0)
{
    /// <summary>The label column when none is chosen.</summary>
    public const string DefaultLabelColumn = "label";

    /// <summary>The test share when none is chosen.</summary>
    public const double DefaultTestShare = 0.2;

    /// <summary>Whether any column was chosen: then a folder's train.csv and test.csv are read as own data, not AG News.</summary>
    public bool ChoosesColumns => LabelColumn is not null || TextColumns is { Count: > 0 };

    internal string Label => LabelColumn ?? DefaultLabelColumn;

    /// <summary>Whether the files have a header row: yes when any column is chosen by name.</summary>
    internal bool HasHeader => !IsIndex(Label) || (TextColumns ?? []).Any(c => !IsIndex(c));

    internal static bool IsIndex(string column) => int.TryParse(column, System.Globalization.NumberStyles.None,
        System.Globalization.CultureInfo.InvariantCulture, out _);
}
