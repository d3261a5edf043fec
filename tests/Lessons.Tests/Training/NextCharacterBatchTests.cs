using Lessons.Batching;
using Lessons.Runtime;
using Lessons.Text;

namespace Lessons.Tests.Training;

/// <summary>Headlines become next-character pairs: Start and the characters in, the characters and End out, padded.</summary>
public class NextCharacterBatchTests
{
    public NextCharacterBatchTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void Each_row_reads_start_and_its_characters_and_predicts_them_and_end()
    {
        int[][] headlines = [[5, 6, 7], [8], [9, 10]];

        var batch = NextCharacterBatch.Build(headlines, [0, 1]);

        const long S = CharVocabulary.Start, E = CharVocabulary.End, I = NextCharacterBatch.Ignored;
        Assert.Equal(new long[] { 2, 4 }, batch.Inputs.shape);
        Assert.Equal(new long[] { S, 5, 6, 7, S, 8, E, E }, batch.Inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 5, 6, 7, E, 8, E, I, I }, batch.Targets.data<long>().ToArray());
        Assert.Equal(6, batch.Predictions);
    }
}
