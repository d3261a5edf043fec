using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lessons.Models.Kernels;

/// <summary>
/// The one product a recurrence does at every step: a row vector times a small matrix, added to a row. The kernels'
/// matrices are a few dozen rows of a few dozen to a few hundred floats, so call overhead matters more than anything:
/// instead of one SIMD call per matrix row, this keeps up to four SIMD registers of the result in flight across all the
/// rows and writes them back once.
/// </summary>
internal static class VectorMatrix
{
    /// <summary>
    /// destination += vector · matrix, with <paramref name="matrix"/> [vector.Length, destination.Length] row-major.
    /// Each result element adds the rows' contributions in row order, the same sum as one
    /// <c>TensorPrimitives.MultiplyAdd</c> per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> vector, ReadOnlySpan<float> matrix, Span<float> destination)
    {
        int rows = vector.Length, columns = destination.Length, width = Vector<float>.Count;
        if (matrix.Length != rows * columns)
            throw new ArgumentException($"a [{rows} x {columns}] matrix has {rows * columns} elements, not {matrix.Length}", nameof(matrix));
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int j = 0;
        for (; j + 4 * width <= columns; j += 4 * width)
        {
            var (a0, a1, a2, a3) = (Vector.LoadUnsafe(ref d, (nuint)j), Vector.LoadUnsafe(ref d, (nuint)(j + width)),
                Vector.LoadUnsafe(ref d, (nuint)(j + 2 * width)), Vector.LoadUnsafe(ref d, (nuint)(j + 3 * width)));
            for (int i = 0; i < rows; i++)
            {
                var x = new Vector<float>(vector[i]);
                nuint at = (nuint)(i * columns + j);
                a0 += Vector.LoadUnsafe(ref m, at) * x;
                a1 += Vector.LoadUnsafe(ref m, at + (nuint)width) * x;
                a2 += Vector.LoadUnsafe(ref m, at + (nuint)(2 * width)) * x;
                a3 += Vector.LoadUnsafe(ref m, at + (nuint)(3 * width)) * x;
            }
            a0.StoreUnsafe(ref d, (nuint)j);
            a1.StoreUnsafe(ref d, (nuint)(j + width));
            a2.StoreUnsafe(ref d, (nuint)(j + 2 * width));
            a3.StoreUnsafe(ref d, (nuint)(j + 3 * width));
        }
        for (; j + width <= columns; j += width)
        {
            var a = Vector.LoadUnsafe(ref d, (nuint)j);
            for (int i = 0; i < rows; i++) a += Vector.LoadUnsafe(ref m, (nuint)(i * columns + j)) * new Vector<float>(vector[i]);
            a.StoreUnsafe(ref d, (nuint)j);
        }
        for (; j < columns; j++)
        {
            float a = destination[j];
            for (int i = 0; i < rows; i++) a += matrix[i * columns + j] * vector[i];
            destination[j] = a;
        }
    }
}
