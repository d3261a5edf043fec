using Lessons.Models.Kernels;

namespace Lessons.Tests.Models;

/// <summary>The kernels' row-vector-times-matrix product, against the plain loop, for widths around the SIMD register's.</summary>
public class VectorMatrixTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 15)]     // narrower than a register: the scalar remainder only
    [InlineData(3, 8)]
    [InlineData(7, 40)]
    [InlineData(32, 96)]    // the lesson's GRU: 3 x 32 gates
    [InlineData(96, 32)]    // and its backward pass
    [InlineData(17, 51)]
    public void Adds_vector_times_matrix_to_the_destination(int rows, int columns)
    {
        var random = new Random(rows * 1000 + columns);
        float[] Numbers(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)random.NextDouble() * 2 - 1)];
        var vector = Numbers(rows);
        var matrix = Numbers(rows * columns);
        var destination = Numbers(columns);
        var expected = (float[])destination.Clone();
        for (int j = 0; j < columns; j++)
            for (int i = 0; i < rows; i++) expected[j] += matrix[i * columns + j] * vector[i];

        VectorMatrix.MultiplyAdd(vector, matrix, destination);

        for (int j = 0; j < columns; j++) Assert.Equal(expected[j], destination[j], 1e-5f);
    }

    [Fact]
    public void A_matrix_of_the_wrong_size_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorMatrix.MultiplyAdd(new float[3], new float[10], new float[4]));
        Assert.Contains("[3 x 4]", error.Message);
    }
}
