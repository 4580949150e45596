using System;
using System.Numerics;
using Decomp.Blas;

namespace Decomp.Factorizations;

/// <summary>
/// P·A = L·U with partial (row) pivoting on a row-major matrix. Row-major A is column-major Aᵀ, so
/// calling a column-major dgetrf would pivot columns; instead this is dgetrf's right-looking blocked
/// algorithm written for rows: row exchanges are contiguous swaps of whole rows (applied at once to
/// every column, so no separate dlaswp), the panel is factored recursively (dgetrf2) so it runs on
/// GEMM too, then U12 = L11⁻¹A12 (TRSM) and A22 −= L21·U12 (GEMM).
/// </summary>
internal static unsafe class BlockedLU
{
    /// <summary>Columns per panel.</summary>
    public const int BlockSize = 128;

    // Panels at most this wide use the unblocked right-looking loop.
    private const int UnblockedWidth = 8;

    /// <summary>
    /// Factors in place; pivots[i] is the row exchanged with row i at step i. Returns -1, or the first
    /// column whose pivot is exactly zero (the factorization still completes, as dgetrf's info &gt; 0).
    /// </summary>
    public static int Factor<T>(T* a, int n, nint lda, int* pivots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int info = -1;
        for (int j = 0; j < n; j += BlockSize)
        {
            int jb = Math.Min(BlockSize, n - j);
            Panel(a, n, lda, j, jb, pivots, ref info);
            int rest = n - j - jb;
            if (rest > 0)
            {
                T* a11 = a + j * lda + j;
                TriangularSolver.Left(lower: true, unit: true, jb, rest, a11, lda, 1, a11 + jb, lda, 1);
                PackedGemm.Run(rest, rest, jb, -T.One, a11 + jb * lda, lda, 1, a11 + jb, lda, 1, a11 + jb * lda + jb, lda);
            }
        }

        return info;
    }

    /// <summary>Factors columns [j, j + w) of rows [j, n), exchanging whole rows.</summary>
    private static void Panel<T>(T* a, int n, nint lda, int j, int w, int* pivots, ref int info)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (w <= UnblockedWidth)
        {
            Unblocked(a, n, lda, j, w, pivots, ref info);
            return;
        }

        int w1 = w / 2;
        int w2 = w - w1;
        Panel(a, n, lda, j, w1, pivots, ref info);
        T* a11 = a + j * lda + j;
        TriangularSolver.Left(lower: true, unit: true, w1, w2, a11, lda, 1, a11 + w1, lda, 1);
        PackedGemm.Run(n - j - w1, w2, w1, -T.One, a11 + w1 * lda, lda, 1, a11 + w1, lda, 1, a11 + w1 * lda + w1, lda);
        Panel(a, n, lda, j + w1, w2, pivots, ref info);
    }

    private static void Unblocked<T>(T* a, int n, nint lda, int j, int w, int* pivots, ref int info)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int end = j + w;
        for (int c = j; c < end; c++)
        {
            // The first entry of largest magnitude, as idamax.
            int p = c;
            T best = T.Abs(a[c * lda + c]);
            for (int i = c + 1; i < n; i++)
            {
                T v = T.Abs(a[i * lda + c]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }

            pivots[c] = p;
            T* rowC = a + c * lda;
            if (best == T.Zero)
            {
                // Exactly singular: record the first such column, leave the zero column as it is.
                if (info < 0)
                {
                    info = c;
                }

                continue;
            }

            if (p != c)
            {
                VectorOps.Swap(rowC, a + p * lda, n);
            }

            // Multiply by the reciprocal (one division per column) unless the pivot is subnormal,
            // where 1/pivot could overflow (dgetf2's sfmin test).
            T pivot = rowC[c];
            T smallestNormal = typeof(T) == typeof(double) ? T.CreateTruncating(2.2250738585072014E-308) : T.CreateTruncating(1.17549435E-38f);
            bool useReciprocal = T.Abs(pivot) >= smallestNormal;
            T reciprocal = T.One / pivot;
            int width = end - c - 1;
            for (int i = c + 1; i < n; i++)
            {
                T* rowI = a + i * lda;
                T l = useReciprocal ? rowI[c] * reciprocal : rowI[c] / pivot;
                rowI[c] = l;
                if (l != T.Zero)
                {
                    VectorOps.Axpy(-l, rowC + c + 1, rowI + c + 1, width);
                }
            }
        }
    }
}
