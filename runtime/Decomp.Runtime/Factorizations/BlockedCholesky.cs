using System;
using System.Numerics;
using System.Runtime.CompilerServices;
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
    /// <remarks>
    /// Lookahead: after panel j, the SYRK first updates only block column j + 1, so panel j + 1
    /// (diagonal block and TRSM below it) can be factored while the rest of the SYRK runs. The two
    /// touch disjoint columns and run in this same order on one thread, so results do not depend on
    /// the thread count.
    /// </remarks>
    public static int Factor<T>(T* a, int n, nint lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int info = FactorPanel(a, n, lda, 0, Math.Min(BlockSize, n));
        if (info >= 0)
        {
            return info;
        }

        for (int j = 0; ; )
        {
            int jb = Math.Min(BlockSize, n - j);
            int next = j + jb;
            if (next >= n)
            {
                return -1;
            }

            int jb2 = Math.Min(BlockSize, n - next);
            int rest = n - next - jb2;
            T* l21 = a + next * lda + j;

            // Block column next: rows next..n, lower part of its diagonal block.
            PackedGemm.Run(n - next, jb2, jb, -T.One, l21, lda, 1, l21, 1, lda, a + next * lda + next, lda, lower: true, shift: 0);
            if (Lookahead.Worthwhile(n - next, rest, jb))
            {
                info = FactorPanelBesideSyrk(a, n, lda, j, jb, next, jb2, rest);
            }
            else
            {
                info = FactorPanel(a, n, lda, next, jb2);
                SyrkRest(a, n, lda, j, jb, next + jb2, rest);
            }

            if (info >= 0)
            {
                return next + info;
            }

            j = next;
        }
    }

    /// <summary>Runs panel <paramref name="next"/> and the rest of step j's SYRK on two threads.</summary>
    /// <remarks>A method of its own so the closure is allocated only on this path.</remarks>
    private static int FactorPanelBesideSyrk<T>(T* a, int n, nint lda, int j, int jb, int next, int jb2, int rest)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint address = (nint)a;
        T* l = a + (next + jb2) * lda + j;
        T* c = a + (next + jb2) * lda + next + jb2;
        return PackedGemm.RunBeside(
            () => FactorPanel((T*)address, n, lda, next, jb2), null,
            rest, rest, jb, -T.One, l, lda, 1, l, 1, lda, c, lda, lower: true, shift: 0);
    }

    /// <summary>Factors the diagonal block at (j, j) and solves for the panel below it.</summary>
    private static int FactorPanel<T>(T* a, int n, nint lda, int j, int jb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* a11 = a + j * lda + j;
        int info = Recursive(a11, jb, lda);
        if (info < 0 && n - j - jb > 0)
        {
            TriangularSolver.Left(lower: true, unit: false, jb, n - j - jb, a11, lda, 1, a11 + jb * lda, 1, lda, invertLeaves: true);
        }

        return info;
    }

    /// <summary>Lower triangle of A[start.., start..] −= L[start.., j..j+jb]·L[start.., j..j+jb]ᵀ.</summary>
    private static void SyrkRest<T>(T* a, int n, nint lda, int j, int jb, int start, int rest) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* l = a + start * lda + j;
        PackedGemm.Run(rest, rest, jb, -T.One, l, lda, 1, l, 1, lda, a + start * lda + start, lda, lower: true, shift: 0);
    }

    /// <summary>With L11 (n1 × n1) at a11: A21 ← A21·L11⁻ᵀ, then the lower triangle of A22 −= A21·A21ᵀ.</summary>
    private static void UpdateBelow<T>(T* a11, int n1, int m2, nint lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* a21 = a11 + n1 * lda;
        T* a22 = a21 + n1;

        // X·L11ᵀ = A21  ⇔  L11·X ᵀ = A21ᵀ, with A21ᵀ seen through swapped strides.
        TriangularSolver.Left(lower: true, unit: false, n1, m2, a11, lda, 1, a21, 1, lda, invertLeaves: true);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
