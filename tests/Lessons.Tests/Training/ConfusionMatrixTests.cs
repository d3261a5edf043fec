using Lessons.Training;

namespace Lessons.Tests.Training;

public class ConfusionMatrixTests
{
    static readonly string[] classes = ["World", "Sports", "Business", "Sci/Tech"];

    [Fact]
    public void LargestMistakeIsTheBiggestOffDiagonalCellNotTheBiggestCell()
    {
        var confusion = new ConfusionMatrix(classes, new long[,]
        {
            { 297, 27, 20, 36 },
            { 15, 333, 12, 20 },
            { 15, 8, 286, 71 },
            { 14, 18, 35, 313 },
        });
        Assert.Equal((2, 3), confusion.LargestMistake());
    }

    [Fact]
    public void LargestMistakeTakesTheFirstCellInRowOrderOnATie()
    {
        var confusion = new ConfusionMatrix(classes[..2], new long[,] { { 5, 3 }, { 3, 5 } });
        Assert.Equal((0, 1), confusion.LargestMistake());
    }

    [Fact]
    public void LargestMistakeOfAPerfectMatrixIsNone()
    {
        var confusion = new ConfusionMatrix(classes[..2], new long[,] { { 5, 0 }, { 0, 7 } });
        Assert.Equal((-1, -1), confusion.LargestMistake());
    }
}
