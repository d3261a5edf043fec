using Lessons.Notebooks;
using Lessons.Tests.Data;

namespace Lessons.Tests.Notebooks;

/// <summary>A tiny data set for notebook calls that train: two topics of their own words, twenty headlines each, of
/// different lengths, written as a TSV file into the test's folder.</summary>
static class TwoTopics
{
    public static LessonData Prepare(TempFolder folder)
    {
        string[] words = ["goal match team win", "vote budget party law"];
        var rows = Enumerable.Range(0, 40).Select(i => $"{i % 2}\t{string.Join(' ', words[i % 2].Split(' ').Take(1 + i % 4))} {i}");
        return LessonData.Prepare(folder.Write("topics.tsv", "label\ttext\n" + string.Join("\n", rows) + "\n"), minFreq: 1);
    }
}
