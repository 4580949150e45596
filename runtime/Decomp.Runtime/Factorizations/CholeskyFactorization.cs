using System;
using System.Numerics;

namespace Decomp;

/// <summary>A = L·Lᵀ for a symmetric positive-definite matrix, from <see cref="Matrix{T}.Cholesky"/>.</summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class CholeskyFactorization<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] factor;
    private readonly T norm;

    internal CholeskyFactorization(Matrix<T> a)
    {
        int n = a.Rows;
        if (a.Columns != n)
        {
            throw new FactorizationException(Kind.Cholesky, a.Rows, a.Columns, -1, "the matrix is not square");
        }

        if (!DenseFactor.IsFinite<T>(a.AsSpan(), n, n, Math.Max(1, n)))
        {
            throw new FactorizationException(Kind.Cholesky, n, n, -1, "the matrix contains NaN or infinity");
        }

        Order = n;
        factor = a.AsSpan().ToArray();
        norm = SymmetricOneNorm(factor, n);
        int failed = DenseFactor.CholeskyInPlace<T>(factor, n, Math.Max(1, n));
        if (failed >= 0)
        {
            throw new FactorizationException(Kind.Cholesky, n, n, failed, "the matrix is not positive definite");
        }

        for (int i = 0; i < n; i++)
        {
            factor.AsSpan(i * n + i + 1, n - i - 1).Clear();
        }
    }

    /// <summary>The order n of the factored matrix.</summary>
    public int Order { get; }

    /// <summary>Solves A·x = b.</summary>
    /// <param name="b">The right-hand side (n elements).</param>
    /// <param name="x">Receives the solution (n elements); may be the same span as <paramref name="b"/>.</param>
    public unsafe void Solve(ReadOnlySpan<T> b, Span<T> x)
    {
        int n = Order;
        CheckLength(b.Length, n, nameof(b));
        CheckLength(x.Length, n, nameof(x));
        b[..n].CopyTo(x);
        fixed (T* pl = factor, px = x)
        {
            DenseFactor.CholeskySolve(pl, n, n, px, 1, 1);
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
        fixed (T* pl = factor, px = x.AsSpan())
        {
            DenseFactor.CholeskySolve(pl, Order, Order, px, b.Columns, Math.Max(1, b.Columns));
        }

        return x;
    }

    /// <summary>det A = Π lᵢᵢ² (may overflow or underflow; see <see cref="LogDeterminant"/>).</summary>
    /// <returns>The determinant.</returns>
    public T Determinant()
    {
        T d = T.One;
        for (int i = 0; i < Order; i++)
        {
            T l = factor[i * Order + i];
            d *= l * l;
        }

        return d;
    }

    /// <summary>log det A = 2 Σ log lᵢᵢ, a sum of logs that stays finite when the determinant would not.</summary>
    /// <returns>The natural logarithm of the determinant.</returns>
    public T LogDeterminant()
    {
        T s = T.Zero;
        for (int i = 0; i < Order; i++)
        {
            s += T.Log(factor[i * Order + i]);
        }

        return s + s;
    }

    /// <summary>A⁻¹, by solving with the identity.</summary>
    /// <returns>The inverse, a new matrix.</returns>
    public Matrix<T> Inverse() => Solve(Identity(Order));

    /// <summary>Estimated reciprocal 1-norm condition number 1/(‖A‖₁‖A⁻¹‖₁) (Hager–Higham, as dpocon).</summary>
    /// <returns>A value in [0, 1]; near 0 means ill-conditioned.</returns>
    public T ReciprocalCondition()
        => DenseFactor.CholeskyReciprocalCondition<T>(factor, Order, Math.Max(1, Order), norm, new T[3 * Order]);

    /// <summary>Copies L (n × n, row-major, zeros above the diagonal).</summary>
    /// <param name="destination">At least n² elements.</param>
    public void CopyLowerTo(Span<T> destination)
    {
        CheckLength(destination.Length, factor.Length, nameof(destination));
        factor.CopyTo(destination);
    }

    internal static Matrix<T> Identity(int n)
    {
        var identity = new Matrix<T>(n, n);
        for (int i = 0; i < n; i++)
        {
            identity[i, i] = T.One;
        }

        return identity;
    }

    internal static void CheckLength(int length, int required, string parameterName)
    {
        if (length < required)
        {
            throw new ArgumentException($"The span needs at least {required} elements but has {length}.", parameterName);
        }
    }

    // ‖A‖₁ of the symmetric matrix whose lower triangle is stored (as dlansy).
    private static T SymmetricOneNorm(T[] a, int n)
    {
        var sums = new T[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                T v = T.Abs(a[i * n + j]);
                sums[i] += v;
                sums[j] += v;
            }

            sums[i] += T.Abs(a[i * n + i]);
        }

        T best = T.Zero;
        foreach (T s in sums)
        {
            best = T.Max(best, s);
        }

        return best;
    }
}
