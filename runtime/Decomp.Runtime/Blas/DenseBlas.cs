using System;
using System.Numerics;

namespace Decomp.Blas;

/// <summary>
/// Level-3 BLAS on row-major spans with an explicit leading dimension (the stride between rows):
/// element (i, j) of an operand lives at <c>span[i * ld + j]</c>. Allocation-free after a thread's
/// first call (packing scratch is per thread). Operands must not overlap the output. Large calls use
/// up to <see cref="DecompRuntime.MaxDegreeOfParallelism"/> threads; results do not depend on it.
/// </summary>
public static unsafe class DenseBlas
{
    /// <summary>C += alpha·op(A)·op(B), with C m × n, op(A) m × k and op(B) k × n.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="transA">Whether A is stored as k × m and used transposed.</param>
    /// <param name="transB">Whether B is stored as n × k and used transposed.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="alpha">The scale of the product.</param>
    /// <param name="a">A, row-major.</param>
    /// <param name="lda">Leading dimension of A.</param>
    /// <param name="b">B, row-major.</param>
    /// <param name="ldb">Leading dimension of B.</param>
    /// <param name="c">C, row-major; updated in place.</param>
    /// <param name="ldc">Leading dimension of C.</param>
    public static void Gemm<T>(
        Transpose transA, Transpose transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        bool ta = transA == Transpose.Transpose, tb = transB == Transpose.Transpose;
        Shape.Check(a.Length, ta ? k : m, ta ? m : k, lda, nameof(a));
        Shape.Check(b.Length, tb ? n : k, tb ? k : n, ldb, nameof(b));
        Shape.Check(c.Length, m, n, ldc, nameof(c));
        fixed (T* pa = a, pb = b, pc = c)
        {
            PackedGemm.Run(
                m, n, k, alpha,
                pa, ta ? 1 : lda, ta ? lda : 1,
                pb, tb ? 1 : ldb, tb ? ldb : 1,
                pc, ldc);
        }
    }

    /// <summary>
    /// SYRK: the lower triangle of C += alpha·A·Aᵀ (C n × n, A n × k). The strictly upper triangle of
    /// C is neither read nor written.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="n">Order of C.</param>
    /// <param name="k">Columns of A.</param>
    /// <param name="alpha">The scale of the product.</param>
    /// <param name="a">A, row-major n × k.</param>
    /// <param name="lda">Leading dimension of A.</param>
    /// <param name="c">C, row-major; its lower triangle is updated.</param>
    /// <param name="ldc">Leading dimension of C.</param>
    public static void SyrkLower<T>(int n, int k, T alpha, ReadOnlySpan<T> a, int lda, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(a.Length, n, k, lda, nameof(a));
        Shape.Check(c.Length, n, n, ldc, nameof(c));
        fixed (T* pa = a, pc = c)
        {
            PackedGemm.Run(n, n, k, alpha, pa, lda, 1, pa, 1, lda, pc, ldc, lower: true, shift: 0);
        }
    }

    /// <summary>
    /// TRSM: solves op(T)·X = B (<see cref="Side.Left"/>, T m × m) or X·op(T) = B
    /// (<see cref="Side.Right"/>, T n × n) for B m × n, overwriting B with X. Only the named triangle
    /// of T is read. A zero on a non-unit diagonal gives infinities or NaNs (no check, as in BLAS).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="side">Where T stands.</param>
    /// <param name="triangle">Which triangle of T is stored.</param>
    /// <param name="transT">Whether T is used transposed.</param>
    /// <param name="diagonal">Whether T has an implicit unit diagonal.</param>
    /// <param name="m">Rows of B.</param>
    /// <param name="n">Columns of B.</param>
    /// <param name="t">T, row-major.</param>
    /// <param name="ldt">Leading dimension of T.</param>
    /// <param name="b">B, row-major; overwritten with X.</param>
    /// <param name="ldb">Leading dimension of B.</param>
    public static void Trsm<T>(
        Side side, Triangle triangle, Transpose transT, Diagonal diagonal, int m, int n,
        ReadOnlySpan<T> t, int ldt, Span<T> b, int ldb)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        int order = side == Side.Left ? m : n;
        Shape.Check(t.Length, order, order, ldt, nameof(t));
        Shape.Check(b.Length, m, n, ldb, nameof(b));
        bool transposed = transT == Transpose.Transpose;

        // The triangle as seen through op(): transposing swaps both the strides and lower/upper.
        bool lower = (triangle == Triangle.Lower) != transposed;
        nint trs = transposed ? 1 : ldt, tcs = transposed ? ldt : 1;
        bool unit = diagonal == Diagonal.Unit;
        fixed (T* pt = t, pb = b)
        {
            if (side == Side.Left)
            {
                TriangularSolver.Left(lower, unit, m, n, pt, trs, tcs, pb, ldb, 1);
            }
            else
            {
                // X·op(T) = B  ⇔  op(T)ᵀ·Xᵀ = Bᵀ.
                TriangularSolver.Left(!lower, unit, n, m, pt, tcs, trs, pb, 1, ldb);
            }
        }
    }
}
