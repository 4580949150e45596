using System;
using System.Numerics;
using Decomp.Blas;

namespace Decomp.Factorizations;

/// <summary>
/// A = L·Lᵀ on a row-major matrix, L in the lower triangle. A row-major symmetric matrix is its own
/// column-major transpose, so this is LAPACK's dpotrf with uplo = 'U' read sideways: right-looking
/// blocks of <see cref="BlockSize"/> columns (TRSM of the panel, SYRK of the trailing matrix), and a
/// recursive factorization of each diagonal block (dpotrf2) so even that runs on GEMM.
/// </summary>
internal static unsafe class BlockedCholesky
{
    /// <summary>Columns per block step: the SYRK depth, so one packed KC panel per update.</summary>
    public const int BlockSize = 256;

    // Diagonal blocks at most this large use the unblocked dot-product loop.
    private const int UnblockedSize = 16;

    /// <summary>Factors in place; returns -1, or the zero-based column where A is not positive definite.</summary>
    public static int Factor<T>(T* a, int n, nint lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j += BlockSize)
        {
            int jb = Math.Min(BlockSize, n - j);
            T* a11 = a + j * lda + j;
            int info = Recursive(a11, jb, lda);
            if (info >= 0)
            {
                return j + info;
            }

            int m2 = n - j - jb;
            if (m2 > 0)
            {
                UpdateBelow(a11, jb, m2, lda);
            }
        }

        return -1;
    }

    /// <summary>With L11 (n1 × n1) at a11: A21 ← A21·L11⁻ᵀ, then the lower triangle of A22 −= A21·A21ᵀ.</summary>
    private static void UpdateBelow<T>(T* a11, int n1, int m2, nint lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* a21 = a11 + n1 * lda;
        T* a22 = a21 + n1;

        // X·L11ᵀ = A21  ⇔  L11·X ᵀ = A21ᵀ, with A21ᵀ seen through swapped strides.
        TriangularSolver.Left(lower: true, unit: false, n1, m2, a11, lda, 1, a21, 1, lda);
        PackedGemm.Run(m2, m2, n1, -T.One, a21, lda, 1, a21, 1, lda, a22, lda, lower: true, shift: 0);
    }

    private static int Recursive<T>(T* a, int n, nint lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n <= UnblockedSize)
        {
            return Unblocked(a, n, lda);
        }

        int n1 = n / 2;
        int info = Recursive(a, n1, lda);
        if (info >= 0)
        {
            return info;
        }

        UpdateBelow(a, n1, n - n1, lda);
        info = Recursive(a + n1 * lda + n1, n - n1, lda);
        return info >= 0 ? n1 + info : -1;
    }

    /// <summary>Left-looking (Crout) Cholesky: each entry is one contiguous dot product of two rows.</summary>
    private static int Unblocked<T>(T* a, int n, nint lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j++)
        {
            T* rowJ = a + j * lda;
            T d = rowJ[j] - VectorOps.Dot(rowJ, rowJ, j);

            // Written so that NaN also fails.
            if (!(d > T.Zero))
            {
                return j;
            }

            T ljj = T.Sqrt(d);
            rowJ[j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                T* rowI = a + i * lda;
                rowI[j] = (rowI[j] - VectorOps.Dot(rowI, rowJ, j)) / ljj;
            }
        }

        return -1;
    }
}
