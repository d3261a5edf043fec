using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lessons.Editions;
using Lessons.Localization;
using Lessons.Tests.Notebooks;

namespace Lessons.Tests.Localization;

/// <summary>
/// One Turkish term for each English one: docs/glossary-tr.md lists the rejected variants (a pattern and what to
/// write instead), and none of them occurs in the kit's Turkish words (tr.json) or in the Turkish notebooks (their
/// prose, and the strings and comments of their code).
/// </summary>
public sealed partial class TurkishTermsTests
{
    static readonly string Glossary = Path.Combine(RepositoryNotebooks.Folder, "..", "docs", "glossary-tr.md");

    [Fact]
    public void The_glossary_lists_the_rejected_variants()
    {
        var rules = Rejected();
        Assert.True(rules.Count >= 10, $"docs/glossary-tr.md lists {rules.Count} rejected variants");
        Assert.Contains(rules, r => r.Pattern.IsMatch("12.001 girdilik sözcük dağarcığı"));
        Assert.Contains(rules, r => r.Pattern.IsMatch("oil sözcüğü"));
        Assert.DoesNotContain(rules, r => r.Pattern.IsMatch("12.001 belirteçlik sözcük dağarcığı, doğrulama kümesi, hâline, halfWidth"));
    }

    [Fact]
    public void The_kits_Turkish_words_use_the_glossarys_terms()
    {
        var turkish = Wording.For("tr");
        var found = turkish.Keys.SelectMany(key => Rejected()
            .Where(r => r.Pattern.IsMatch(turkish.Text(key)))
            .Select(r => $"{key}: \"{r.Pattern.Match(turkish.Text(key)).Value}\" (write {r.Instead})"));
        Assert.Empty(found);
    }

    [Fact]
    public void The_Turkish_notebooks_use_the_glossarys_terms()
    {
        string folder = Path.Combine(RepositoryNotebooks.Folder, RepositoryNotebooks.Turkish);
        var found = new List<string>();
        foreach (string notebook in Directory.GetFiles(folder, "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var cells = JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray();
            for (int i = 0; i < cells.Count; i++)
            {
                string text = StudentEdition.Source(cells[i]!.AsObject());
                found.AddRange(Rejected().Where(r => r.Pattern.IsMatch(text)).Select(r =>
                    $"{Path.GetRelativePath(folder, notebook)} cell {i}: \"{r.Pattern.Match(text).Value}\" (write {r.Instead})"));
            }
        }
        Assert.Empty(found);
    }

    /// <summary>The glossary's rejected variants: the rows of its last table, a pattern in backticks (a | in it
    /// written \| as a markdown table needs) and what to write instead.</summary>
    static IReadOnlyList<(Regex Pattern, string Instead)> Rejected() =>
        [.. Row().Matches(File.ReadAllText(Glossary)).Select(m => (
            new Regex(m.Groups["pattern"].Value.Replace("\\|", "|", StringComparison.Ordinal), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
            m.Groups["instead"].Value.Trim()))];

    [GeneratedRegex(@"^\| `(?<pattern>(?:[^`])+)` \| (?<instead>[^\n]+?) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
