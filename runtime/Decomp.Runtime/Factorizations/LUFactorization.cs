using System;
using System.Numerics;

namespace Decomp;

/// <summary>
/// P·A = L·U with partial pivoting, from <see cref="Matrix{T}.LU"/>. An exactly singular matrix is
/// rejected when factoring (a <see cref="FactorizationException"/> naming the first zero-pivot
/// column, matching the fixed-size kernels' <c>TryFactor</c> = false), so every instance can solve.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class LUFactorization<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] factors;
    private readonly int[] pivots;
    private readonly T norm;

    internal LUFactorization(Matrix<T> a)
    {
        int n = a.Rows;
        if (a.Columns != n)
        {
            throw new FactorizationException(Kind.LU, a.Rows, a.Columns, -1, "the matrix is not square");
        }

        int ld = Math.Max(1, n);
        if (!DenseFactor.IsFinite<T>(a.AsSpan(), n, n, ld))
        {
            throw new FactorizationException(Kind.LU, n, n, -1, "the matrix contains NaN or infinity");
        }

        Order = n;
        factors = a.AsSpan().ToArray();
        pivots = new int[n];
        norm = DenseFactor.OneNorm<T>(factors, n, n, ld, new T[n]);
        int singular = DenseFactor.LUInPlace<T>(factors, n, ld, pivots);
        if (singular >= 0)
        {
            throw new FactorizationException(Kind.LU, n, n, singular, "the matrix is singular (the pivot is exactly zero)");
        }
    }

    /// <summary>The order n of the factored matrix.</summary>
    public int Order { get; }

    /// <summary>The row exchanges: row i was swapped with row <c>Pivots[i]</c> at step i (i ≤ Pivots[i]).</summary>
    public ReadOnlySpan<int> Pivots => pivots;

    /// <summary>Solves A·x = b.</summary>
    /// <param name="b">The right-hand side (n elements).</param>
    /// <param name="x">Receives the solution (n elements); may be the same span as <paramref name="b"/>.</param>
    public unsafe void Solve(ReadOnlySpan<T> b, Span<T> x)
    {
        int n = Order;
        CholeskyFactorization<T>.CheckLength(b.Length, n, nameof(b));
        CholeskyFactorization<T>.CheckLength(x.Length, n, nameof(x));
        b[..n].CopyTo(x);
        fixed (T* pa = factors, px = x)
        fixed (int* pp = pivots)
        {
            DenseFactor.LUSolve(pa, n, n, pp, px, 1, 1);
        }
    }

    /// <summary>Solves A·X = B for many right-hand sides at once (blocked, multi-core).</summary>
    /// <param name="b">The right-hand sides, n × k.</param>
    /// <returns>X, a new n × k matrix.</returns>
    public unsafe Matrix<T> Solve(Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != Order)
        {
            throw new ArgumentException($"B has {b.Rows} rows; the factored matrix has order {Order}.", nameof(b));
        }

        var x = new Matrix<T>(b.Rows, b.Columns);
        b.AsSpan().CopyTo(x.AsSpan());
        fixed (T* pa = factors, px = x.AsSpan())
        fixed (int* pp = pivots)
        {
            DenseFactor.LUSolve(pa, Order, Order, pp, px, b.Columns, Math.Max(1, b.Columns));
        }

        return x;
    }

    /// <summary>det A = ±Π uᵢᵢ, the sign from the row exchanges (may overflow or underflow; see <see cref="LogDeterminant"/>).</summary>
    /// <returns>The determinant.</returns>
    public T Determinant()
    {
        T d = T.One;
        for (int i = 0; i < Order; i++)
        {
            d *= factors[i * Order + i];
            if (pivots[i] != i)
            {
                d = -d;
            }
        }

        return d;
    }

    /// <summary>log |det A| = Σ log |uᵢᵢ|, a sum of logs that stays finite when the determinant would not.</summary>
    /// <returns>The natural logarithm of the determinant's magnitude.</returns>
    public T LogDeterminant()
    {
        T s = T.Zero;
        for (int i = 0; i < Order; i++)
        {
            s += T.Log(T.Abs(factors[i * Order + i]));
        }

        return s;
    }

    /// <summary>A⁻¹, by solving with the identity.</summary>
    /// <returns>The inverse, a new matrix.</returns>
    public Matrix<T> Inverse() => Solve(CholeskyFactorization<T>.Identity(Order));

    /// <summary>Estimated reciprocal 1-norm condition number 1/(‖A‖₁‖A⁻¹‖₁) (Hager–Higham, as dgecon).</summary>
    /// <returns>A value in [0, 1]; near 0 means ill-conditioned.</returns>
    public T ReciprocalCondition()
        => DenseFactor.LUReciprocalCondition<T>(factors, Order, Math.Max(1, Order), pivots, norm, new T[3 * Order]);

    /// <summary>Copies L (n × n, row-major, unit diagonal, zeros above it).</summary>
    /// <param name="destination">At least n² elements.</param>
    public void CopyLowerTo(Span<T> destination)
    {
        int n = Order;
        CholeskyFactorization<T>.CheckLength(destination.Length, n * n, nameof(destination));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                destination[i * n + j] = j < i ? factors[i * n + j] : j == i ? T.One : T.Zero;
            }
        }
    }

    /// <summary>Copies U (n × n, row-major, zeros below the diagonal).</summary>
    /// <param name="destination">At least n² elements.</param>
    public void CopyUpperTo(Span<T> destination)
    {
        int n = Order;
        CholeskyFactorization<T>.CheckLength(destination.Length, n * n, nameof(destination));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                destination[i * n + j] = j >= i ? factors[i * n + j] : T.Zero;
            }
        }
    }
}
