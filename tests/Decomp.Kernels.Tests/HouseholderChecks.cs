using System;
using System.Numerics;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>
/// The checks QR and PivotedQR share about their common members: Q and R as double arrays, NaN/∞ rejection, span
/// lengths, the default struct, and allocation. Each case adds what only its kind has (its <c>FactorInPlace</c>, the
/// permutation, the rank).
/// </summary>
public static class HouseholderChecks<TKernel, T>
    where TKernel : struct, IHouseholderKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Q (m × n) and R (n × n) as doubles, after checking that R is zero below its diagonal.</summary>
    public static (double[] Q, double[] R) Parts(TKernel factor, int m, int n)
    {
        var q = new T[m * n];
        var r = new T[n * n];
        factor.CopyQTo(q);
        factor.CopyRTo(r);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.Equal(T.Zero, r[i * n + j]);
            }
        }

        return (Matrices.From(q), Matrices.From(r));
    }

    /// <summary>
    /// NaN, +∞ and −∞ at up to 12 places: <c>TryFactor</c> and <paramref name="factorInPlace"/> return false (the latter
    /// leaving its input as it was), <c>Factor</c> throws a <see cref="FactorizationException"/> describing the kernel.
    /// </summary>
    public static void NonFiniteInputIsRejected(int m, int n, Kind kind, int seed, Func<T[], bool> factorInPlace)
    {
        var random = new Random(seed);
        foreach (var bad in new[] { T.NaN, T.PositiveInfinity, T.NegativeInfinity })
        {
            for (var p = 0; p < Math.Min(m * n, 12); p++)
            {
                var index = m * n <= 12 ? p : random.Next(m * n);
                var at = Matrices.To<T>(Matrices.RandomVector(random, m * n));
                at[index] = bad;
                Assert.False(TKernel.TryFactor(at, out _));
                var work = (T[])at.Clone();
                Assert.False(factorInPlace(work));
                Assert.Equal(at, work);
                var e = Assert.Throws<FactorizationException>(() => TKernel.Factor(at));
                Assert.Equal(kind, e.Kind);
                Assert.Equal(m, e.Rows);
                Assert.Equal(n, e.Columns);
                Assert.Equal(-1, e.Step);
            }
        }
    }

    /// <summary>Every common member given a span one element short throws an <see cref="ArgumentException"/> naming it.</summary>
    public static void ShortSpansThrowNamingTheParameter(int m, int n)
    {
        var factor = TKernel.Factor(Matrices.To<T>(Matrices.RandomVector(new Random(m + n), m * n)));
        var mn = m * n;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.TryFactor(new T[mn - 1], out _)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.Factor(new T[mn - 1])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => factor.Solve(new T[m - 1], new T[n])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => factor.Solve(new T[m], new T[n - 1])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => factor.ApplyQTransposeTo(new T[m - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => factor.CopyQTo(new T[mn - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => factor.CopyRTo(new T[(n * n) - 1])).ParamName);
    }

    /// <summary>A <c>default</c> struct (never factored) throws from every common instance member.</summary>
    public static void DefaultValueThrows(int m, int n)
    {
        var none = default(TKernel);
        Assert.Throws<InvalidOperationException>(() => none.Solve(new T[m], new T[n]));
        Assert.Throws<InvalidOperationException>(() => none.ApplyQTransposeTo(new T[m]));
        Assert.Throws<InvalidOperationException>(() => none.CopyQTo(new T[m * n]));
        Assert.Throws<InvalidOperationException>(() => none.CopyRTo(new T[n * n]));
    }

    /// <summary>Bytes allocated by one round of every common member plus <paramref name="more"/> (the kind's own).</summary>
    public static long AllocatedBytesPerCall(int m, int n, Action<TKernel> more)
    {
        var at = Matrices.To<T>(Matrices.RandomVector(new Random(m * 71), m * n));
        var b = Matrices.To<T>(Matrices.RandomVector(new Random(n), m));
        var x = new T[n];
        var q = new T[m * n];
        var r = new T[n * n];
        var qtb = new T[m];

        void Exercise()
        {
            var factor = TKernel.Factor(at);
            TKernel.TryFactor(at, out factor);
            factor.Solve(b, x);
            b.CopyTo(qtb, 0);
            factor.ApplyQTransposeTo(qtb);
            factor.CopyQTo(q);
            factor.CopyRTo(r);
            more(factor);
        }

        return Allocations.Of(Exercise);
    }
}
