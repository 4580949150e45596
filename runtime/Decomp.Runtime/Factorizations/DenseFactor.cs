using System;
using System.Numerics;
using Decomp.Blas;
using Decomp.Factorizations;

namespace Decomp;

/// <summary>
/// The allocation-free, in-place layer beneath <see cref="Matrix{T}"/>: LAPACK-style factorizations
/// and solves on row-major spans with an explicit leading dimension (element (i, j) at
/// <c>a[i * lda + j]</c>). Nothing here allocates after a thread's first call, and nothing scans for
/// NaN/∞ (see <see cref="IsFinite"/>). Large problems use up to
/// <see cref="DecompRuntime.MaxDegreeOfParallelism"/> threads with bit-identical results.
/// </summary>
public static unsafe class DenseFactor
{
    /// <summary>
    /// Cholesky factorization A = L·Lᵀ (dpotrf). Reads the lower triangle of the n × n matrix and
    /// overwrites it with L; the strictly upper triangle is neither read nor written.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">The matrix, row-major.</param>
    /// <param name="n">Its order.</param>
    /// <param name="lda">Its leading dimension.</param>
    /// <returns>-1 on success, otherwise the zero-based column at which the matrix was found not positive definite (L is then valid only left of it).</returns>
    public static int CholeskyInPlace<T>(Span<T> a, int n, int lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(a.Length, n, n, lda, nameof(a));
        fixed (T* pa = a)
        {
            return BlockedCholesky.Factor(pa, n, lda);
        }
    }

    /// <summary>Solves A·X = B with A = L·Lᵀ from <see cref="CholeskyInPlace"/>, overwriting B (n × nrhs) with X.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="l">The factor, row-major, L in the lower triangle.</param>
    /// <param name="n">The order.</param>
    /// <param name="ldl">Leading dimension of the factor.</param>
    /// <param name="b">The right-hand sides, row-major n × nrhs; overwritten with the solutions.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="ldb">Leading dimension of B.</param>
    public static void CholeskySolveInPlace<T>(ReadOnlySpan<T> l, int n, int ldl, Span<T> b, int nrhs, int ldb)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(l.Length, n, n, ldl, nameof(l));
        Shape.Check(b.Length, n, nrhs, ldb, nameof(b));
        fixed (T* pl = l, pb = b)
        {
            CholeskySolve(pl, n, ldl, pb, nrhs, ldb);
        }
    }

    /// <summary>
    /// LU factorization with partial pivoting P·A = L·U (dgetrf). Overwrites the n × n matrix with
    /// L (unit lower, diagonal not stored) and U. Row i was exchanged with row <c>pivots[i]</c> at step i.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">The matrix, row-major.</param>
    /// <param name="n">Its order.</param>
    /// <param name="lda">Its leading dimension.</param>
    /// <param name="pivots">Receives the n row exchanges.</param>
    /// <returns>-1 on success, otherwise the first zero-based column whose pivot is exactly zero (U is singular); the factorization is still completed.</returns>
    public static int LUInPlace<T>(Span<T> a, int n, int lda, Span<int> pivots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(a.Length, n, n, lda, nameof(a));
        if (pivots.Length < n)
        {
            throw new ArgumentException($"The span needs at least {n} elements but has {pivots.Length}.", nameof(pivots));
        }

        fixed (T* pa = a)
        fixed (int* pp = pivots)
        {
            return BlockedLU.Factor(pa, n, lda, pp);
        }
    }

    /// <summary>Solves A·X = B (or Aᵀ·X = B) with P·A = L·U from <see cref="LUInPlace"/>, overwriting B (n × nrhs) with X.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="lu">The factors, row-major.</param>
    /// <param name="n">The order.</param>
    /// <param name="ldlu">Leading dimension of the factors.</param>
    /// <param name="pivots">The row exchanges.</param>
    /// <param name="b">The right-hand sides, row-major n × nrhs; overwritten with the solutions.</param>
    /// <param name="nrhs">The number of right-hand sides.</param>
    /// <param name="ldb">Leading dimension of B.</param>
    /// <param name="transpose">Solve with Aᵀ instead of A.</param>
    public static void LUSolveInPlace<T>(
        ReadOnlySpan<T> lu, int n, int ldlu, ReadOnlySpan<int> pivots, Span<T> b, int nrhs, int ldb, bool transpose = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(lu.Length, n, n, ldlu, nameof(lu));
        Shape.Check(b.Length, n, nrhs, ldb, nameof(b));
        CheckPivots(pivots, n);
        fixed (T* pa = lu, pb = b)
        fixed (int* pp = pivots)
        {
            if (transpose)
            {
                LUSolveTranspose(pa, n, ldlu, pp, pb, nrhs, ldb);
            }
            else
            {
                LUSolve(pa, n, ldlu, pp, pb, nrhs, ldb);
            }
        }
    }

    /// <summary>
    /// Reciprocal 1-norm condition number 1/(‖A‖₁·‖A⁻¹‖₁) of an SPD matrix from its Cholesky factor,
    /// with ‖A⁻¹‖₁ estimated by Hager–Higham (dpocon).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="l">The factor from <see cref="CholeskyInPlace"/>.</param>
    /// <param name="n">The order.</param>
    /// <param name="ldl">Leading dimension of the factor.</param>
    /// <param name="anorm">‖A‖₁ of the original matrix (see <see cref="OneNorm"/>).</param>
    /// <param name="work">Scratch of at least 3n elements.</param>
    /// <returns>The estimate, in [0, 1]; 0 when A is singular to working precision.</returns>
    public static T CholeskyReciprocalCondition<T>(ReadOnlySpan<T> l, int n, int ldl, T anorm, Span<T> work)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(l.Length, n, n, ldl, nameof(l));
        CheckWork(work, n);
        fixed (T* pl = l, pw = work)
        {
            var op = new CholeskyInverse<T>(pl, n, ldl);
            return Reciprocal(ConditionEstimator.InverseOneNorm<T, CholeskyInverse<T>>(ref op, n, pw, pw + n, pw + 2 * n), anorm, n);
        }
    }

    /// <summary>
    /// Reciprocal 1-norm condition number 1/(‖A‖₁·‖A⁻¹‖₁) from an LU factorization, with ‖A⁻¹‖₁
    /// estimated by Hager–Higham (dgecon).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="lu">The factors from <see cref="LUInPlace"/>.</param>
    /// <param name="n">The order.</param>
    /// <param name="ldlu">Leading dimension of the factors.</param>
    /// <param name="pivots">The row exchanges.</param>
    /// <param name="anorm">‖A‖₁ of the original matrix (see <see cref="OneNorm"/>).</param>
    /// <param name="work">Scratch of at least 3n elements.</param>
    /// <returns>The estimate, in [0, 1]; 0 when A is singular to working precision.</returns>
    public static T LUReciprocalCondition<T>(ReadOnlySpan<T> lu, int n, int ldlu, ReadOnlySpan<int> pivots, T anorm, Span<T> work)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ElementType.ThrowIfUnsupported<T>();
        Shape.Check(lu.Length, n, n, ldlu, nameof(lu));
        CheckPivots(pivots, n);
        CheckWork(work, n);
        fixed (T* pa = lu, pw = work)
        fixed (int* pp = pivots)
        {
            var op = new LUInverse<T>(pa, n, ldlu, pp);
            return Reciprocal(ConditionEstimator.InverseOneNorm<T, LUInverse<T>>(ref op, n, pw, pw + n, pw + 2 * n), anorm, n);
        }
    }

    /// <summary>‖A‖₁: the largest column sum of absolute values of a rows × columns matrix.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">The matrix, row-major.</param>
    /// <param name="rows">Its rows.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="lda">Its leading dimension.</param>
    /// <param name="work">Scratch of at least <paramref name="columns"/> elements for the column sums.</param>
    /// <returns>The 1-norm.</returns>
    public static T OneNorm<T>(ReadOnlySpan<T> a, int rows, int columns, int lda, Span<T> work)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shape.Check(a.Length, rows, columns, lda, nameof(a));
        Span<T> sums = work[..columns];
        sums.Clear();
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<T> row = a.Slice(i * lda, columns);
            for (int j = 0; j < columns; j++)
            {
                sums[j] += T.Abs(row[j]);
            }
        }

        T best = T.Zero;
        foreach (T s in sums)
        {
            best = T.Max(best, s);
        }

        return best;
    }

    /// <summary>Whether every entry of a rows × columns matrix is finite (no NaN, no ±∞).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">The matrix, row-major.</param>
    /// <param name="rows">Its rows.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="lda">Its leading dimension.</param>
    /// <returns>True when all entries are finite.</returns>
    public static bool IsFinite<T>(ReadOnlySpan<T> a, int rows, int columns, int lda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shape.Check(a.Length, rows, columns, lda, nameof(a));
        for (int i = 0; i < rows; i++)
        {
            // x − x is 0 for finite x and NaN for NaN or ±∞; one sum catches any of them.
            T s = T.Zero;
            foreach (T x in a.Slice(i * lda, columns))
            {
                s += x - x;
            }

            if (s != T.Zero)
            {
                return false;
            }
        }

        return true;
    }

    internal static void CholeskySolve<T>(T* l, int n, nint ldl, T* b, int nrhs, nint ldb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (nrhs == 1 && ldb == 1)
        {
            TriangularSolver.Vector(lower: true, unit: false, n, l, ldl, 1, b);
            TriangularSolver.Vector(lower: false, unit: false, n, l, 1, ldl, b);
            return;
        }

        TriangularSolver.Left(lower: true, unit: false, n, nrhs, l, ldl, 1, b, ldb, 1);
        TriangularSolver.Left(lower: false, unit: false, n, nrhs, l, 1, ldl, b, ldb, 1);
    }

    internal static void LUSolve<T>(T* lu, int n, nint ldlu, int* pivots, T* b, int nrhs, nint ldb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            if (pivots[i] != i)
            {
                VectorOps.Swap(b + i * ldb, b + pivots[i] * ldb, nrhs);
            }
        }

        if (nrhs == 1 && ldb == 1)
        {
            TriangularSolver.Vector(lower: true, unit: true, n, lu, ldlu, 1, b);
            TriangularSolver.Vector(lower: false, unit: false, n, lu, ldlu, 1, b);
            return;
        }

        TriangularSolver.Left(lower: true, unit: true, n, nrhs, lu, ldlu, 1, b, ldb, 1);
        TriangularSolver.Left(lower: false, unit: false, n, nrhs, lu, ldlu, 1, b, ldb, 1);
    }

    internal static void LUSolveTranspose<T>(T* lu, int n, nint ldlu, int* pivots, T* b, int nrhs, nint ldb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Aᵀ = Uᵀ·Lᵀ·P: solve with Uᵀ (lower), then Lᵀ (unit upper), then undo the exchanges in reverse.
        if (nrhs == 1 && ldb == 1)
        {
            TriangularSolver.Vector(lower: true, unit: false, n, lu, 1, ldlu, b);
            TriangularSolver.Vector(lower: false, unit: true, n, lu, 1, ldlu, b);
        }
        else
        {
            TriangularSolver.Left(lower: true, unit: false, n, nrhs, lu, 1, ldlu, b, ldb, 1);
            TriangularSolver.Left(lower: false, unit: true, n, nrhs, lu, 1, ldlu, b, ldb, 1);
        }

        for (int i = n - 1; i >= 0; i--)
        {
            if (pivots[i] != i)
            {
                VectorOps.Swap(b + i * ldb, b + pivots[i] * ldb, nrhs);
            }
        }
    }

    private static T Reciprocal<T>(T inverseNorm, T anorm, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0)
        {
            return T.One;
        }

        if (anorm == T.Zero || !T.IsFinite(inverseNorm) || inverseNorm == T.Zero)
        {
            return T.Zero;
        }

        return T.One / inverseNorm / anorm;
    }

    private static void CheckPivots(ReadOnlySpan<int> pivots, int n)
    {
        if (pivots.Length < n)
        {
            throw new ArgumentException($"The span needs at least {n} elements but has {pivots.Length}.", nameof(pivots));
        }
    }

    private static void CheckWork<T>(Span<T> work, int n)
    {
        if (work.Length < 3 * n)
        {
            throw new ArgumentException($"The span needs at least {3 * n} elements but has {work.Length}.", nameof(work));
        }
    }

    private readonly struct CholeskyInverse<T>(T* l, int n, nint ldl) : IInverseOperator<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Solve(T* x) => CholeskySolve(l, n, ldl, x, 1, 1);

        public void SolveTranspose(T* x) => CholeskySolve(l, n, ldl, x, 1, 1);
    }

    private readonly struct LUInverse<T>(T* lu, int n, nint ldlu, int* pivots) : IInverseOperator<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Solve(T* x) => LUSolve(lu, n, ldlu, pivots, x, 1, 1);

        public void SolveTranspose(T* x) => LUSolveTranspose(lu, n, ldlu, pivots, x, 1, 1);
    }
}
