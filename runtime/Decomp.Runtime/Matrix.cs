using System;
using System.Numerics;
using Decomp.Blas;

namespace Decomp;

/// <summary>
/// A dense matrix of run-time size, stored row-major (<c>element(i, j) = AsSpan()[i * Columns + j]</c>),
/// with the blocked, multi-core factorizations of Decomp.Runtime.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Matrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] values;

    /// <summary>Creates a zero matrix.</summary>
    /// <param name="rows">Number of rows (≥ 0).</param>
    /// <param name="columns">Number of columns (≥ 0).</param>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public Matrix(int rows, int columns)
    {
        ElementType.ThrowIfUnsupported<T>();
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
        values = new T[checked(rows * columns)];
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>A reference to the element at (row, column).</summary>
    /// <param name="row">Zero-based row.</param>
    /// <param name="column">Zero-based column.</param>
    /// <exception cref="IndexOutOfRangeException">The position is outside the matrix.</exception>
    public ref T this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            {
                throw new IndexOutOfRangeException($"({row}, {column}) is outside a {Rows}×{Columns} matrix.");
            }

            return ref values[row * Columns + column];
        }
    }

    /// <summary>Copies a two-dimensional array.</summary>
    /// <param name="values">The elements; <c>values[i, j]</c> becomes element (i, j).</param>
    /// <returns>The new matrix.</returns>
    public static Matrix<T> FromArray(T[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new Matrix<T>(values.GetLength(0), values.GetLength(1));
        int k = 0;
        foreach (T x in values)
        {
            m.values[k++] = x;
        }

        return m;
    }

    /// <summary>The elements, row-major, Rows × Columns of them.</summary>
    /// <returns>A span over the matrix's own storage.</returns>
    public Span<T> AsSpan() => values;

    /// <summary>Copies the elements into a new two-dimensional array.</summary>
    /// <returns>The array, <c>[i, j]</c> = element (i, j).</returns>
    public T[,] ToArray()
    {
        var result = new T[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                result[i, j] = values[i * Columns + j];
            }
        }

        return result;
    }

    /// <summary>
    /// Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix (only the lower
    /// triangle is read). The matrix itself is not modified.
    /// </summary>
    /// <returns>The factorization.</returns>
    /// <exception cref="FactorizationException">The matrix is not square (step -1), holds NaN or ∞ (step -1), or is not positive definite (step = the failing column).</exception>
    public CholeskyFactorization<T> Cholesky() => new(this);

    /// <summary>
    /// LU factorization with partial pivoting, P·A = L·U. The matrix itself is not modified.
    /// </summary>
    /// <returns>The factorization.</returns>
    /// <exception cref="FactorizationException">The matrix is not square (step -1), holds NaN or ∞ (step -1), or is exactly singular (step = the first column with an exactly zero pivot).</exception>
    public LUFactorization<T> LU() => new(this);
}
