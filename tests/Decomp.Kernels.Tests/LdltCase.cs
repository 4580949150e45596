using System;
using System.Numerics;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>The checks of one generated LDLᵀ kernel; <see cref="LdltKernelTests"/> runs them for every shape.</summary>
public interface ILdltCase
{
    string Name { get; }

    void FactorBackwardErrorIsWithinBound();

    void SolveResidualIsWithinBound();

    void ZeroDiagonalFactors();

    void InertiaMatchesTheEigenvalueSigns();

    void DeterminantMatchesKnownValue();

    void DeterminantSurvivesOverAndUnderflow();

    void InverseHasSmallResidualAndIsSymmetric();

    void VariantsAgree();

    void SingularMatrixIsRejected();

    void NonFiniteInputIsRejected();

    void ShortSpansThrowNamingTheParameter();

    void DefaultValueThrows();

    long AllocatedBytesPerCall();
}

/// <summary>Checks for one generated LDLᵀ kernel <typeparamref name="TKernel"/> of order n over <typeparamref name="T"/>.</summary>
/// <remarks>
/// Reference arithmetic is in double; u is the unit roundoff of <typeparamref name="T"/>. Bounds after Higham, Accuracy and
/// Stability of Numerical Algorithms, 2nd ed., §11.1 (Bunch–Kaufman): PAPᵀ + ΔA = L̂D̂L̂ᵀ with |ΔA| ≤ p(n)u(|A| + |L̂||D̂||L̂ᵀ|),
/// p linear. Here p(n) = 4n + 16: γ_n for the 1×1 steps' updates, up to six more roundings where a 2×2 block forms its
/// multipliers (d11, d22, t, d21 and the fused products), and γ_2n for the check's own triple product in double.
/// </remarks>
public sealed class LdltCase<TKernel, T> : ILdltCase
    where TKernel : struct, ILdltKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _n;

    public LdltCase(int n)
    {
        _n = n;
        Name = typeof(TKernel).Name;
    }

    public string Name { get; }

    private static double U => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    private double Bound => ((4 * _n) + 16) * U;

    public void FactorBackwardErrorIsWithinBound()
    {
        var random = new Random(_n * 31);
        for (var trial = 0; trial < 12; trial++)
        {
            // Indefinite, zero-diagonal, and ill-conditioned indefinite (κ = 1e8 double, 1e3 float).
            var a = (trial % 3) switch
            {
                0 => Matrices.RandomSymmetric(random, _n, zeroDiagonal: false),
                1 => Matrices.RandomSymmetric(random, _n, zeroDiagonal: _n > 1),
                _ => Matrices.SymmetricWithEigenvalues(random, Spread(random, typeof(T) == typeof(float) ? 1e3 : 1e8)),
            };
            var at = Matrices.To<T>(a);
            Assert.True(TKernel.TryFactor(at, out var factor), $"trial {trial}: a nonsingular symmetric matrix must factor");
            var (l, d, pivots) = Parts(factor);
            var pap = Permuted(Matrices.From(at), pivots);
            for (var i = 0; i < _n; i++)
            {
                for (var j = 0; j < _n; j++)
                {
                    double product = 0, magnitude = Math.Abs(pap[i * _n + j]);
                    for (var p = 0; p < _n; p++)
                    {
                        for (var q = Math.Max(0, p - 1); q <= Math.Min(_n - 1, p + 1); q++)
                        {
                            var term = l[i * _n + p] * d[p * _n + q] * l[j * _n + q];
                            product += term;
                            magnitude += Math.Abs(term);
                        }
                    }

                    var error = Math.Abs(pap[i * _n + j] - product);
                    Assert.True(error <= Bound * magnitude, $"|PAPᵀ - LDLᵀ|[{i},{j}] = {error:E3} > {Bound:E3}·{magnitude:E3} (trial {trial})");
                }
            }
        }
    }

    public void SolveResidualIsWithinBound()
    {
        var random = new Random(_n * 37);
        for (var trial = 0; trial < 9; trial++)
        {
            var a = Matrices.RandomSymmetric(random, _n, zeroDiagonal: trial % 3 == 1 && _n > 1);
            var at = Matrices.To<T>(a);
            var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
            var factor = TKernel.Factor(at);
            var x = new T[_n];
            factor.Solve(b, x);
            AssertResidualWithinBound(factor, at, b, x, $"trial {trial}");
        }
    }

    public void ZeroDiagonalFactors()
    {
        // Pairs [[0, s], [s, 0]] down the diagonal (and s·1 last when n is odd): no diagonal entry can be a pivot, so
        // each pair is a 2×2 block, and the solution of A x = A·(1, 2, …, n) is exact in every precision.
        var a = new double[_n * _n];
        for (var k = 0; k + 1 < _n; k += 2)
        {
            a[k * _n + k + 1] = k + 1;
            a[(k + 1) * _n + k] = k + 1;
        }

        if (_n % 2 == 1)
        {
            a[(_n * _n) - 1] = 3;
        }

        var at = Matrices.To<T>(a);
        var factor = TKernel.Factor(at);
        var expected = new T[_n];
        var b = new T[_n];
        for (var i = 0; i < _n; i++)
        {
            expected[i] = T.CreateChecked(i + 1);
        }

        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                b[i] += at[i * _n + j] * expected[j];
            }
        }

        var x = new T[_n];
        factor.Solve(b, x);
        Assert.Equal(expected, x);
        Assert.Equal((_n / 2) + (_n % 2), factor.Inertia().Positive);
        Assert.Equal(_n / 2, factor.Inertia().Negative);
        for (var k = 0; k + 1 < _n; k += 2)
        {
            Assert.True(factor.Pivots[k] < 0 && factor.Pivots[k + 1] == factor.Pivots[k], "a zero-diagonal pair is a 2×2 block");
        }
    }

    public void InertiaMatchesTheEigenvalueSigns()
    {
        var random = new Random(_n * 41);
        for (var trial = 0; trial < 6; trial++)
        {
            var lambda = Spread(random, 10);
            var negative = Array.FindAll(lambda, v => v < 0).Length;

            var factor = TKernel.Factor(Matrices.To<T>(Matrices.SymmetricWithEigenvalues(random, lambda)));
            Assert.Equal((_n - negative, negative, 0), factor.Inertia());
        }
    }

    public void DeterminantMatchesKnownValue()
    {
        var random = new Random(_n * 43);

        // Eigenvalues of magnitude in [1/2, 1] with random signs: κ₂ ≤ 2, det = Π λ. The factorization is det(A + ΔA) with ‖ΔA‖ ≲ p(n)u·ρ‖A‖ (ρ the growth,
        // ≤ 2.57ⁿ in theory and small here), so |Δdet/det| ≤ n·κ·p(n)u·ρ; ρ = 4 is allowed for, and the rounding of A to T
        // is within the same bound.
        var lambda = Spread(random, 2);
        var exact = 1.0;
        foreach (var v in lambda)
        {
            exact *= v;
        }

        var factor = TKernel.Factor(Matrices.To<T>(Matrices.SymmetricWithEigenvalues(random, lambda)));
        var tolerance = _n * 2 * 4 * Bound;
        var determinant = double.CreateChecked(factor.Determinant());
        Assert.True(Math.Abs(determinant - exact) <= tolerance * Math.Abs(exact), $"det = {determinant:R}, expected {exact:R}");
        var log = double.CreateChecked(factor.LogDeterminant());
        Assert.True(Math.Abs(log - Math.Log(Math.Abs(exact))) <= tolerance, $"log|det| = {log:R}, expected {Math.Log(Math.Abs(exact)):R}");
    }

    public void DeterminantSurvivesOverAndUnderflow()
    {
        foreach (var scale in typeof(T) == typeof(float) ? new[] { 1e30, 1e-30 } : new[] { 1e200, 1e-200 })
        {
            // s·[[0, 1], [1, 0]] pairs (2×2 blocks, det −s² each) and s last when n is odd: det = (−1)^(n/2)·sⁿ.
            var a = new double[_n * _n];
            for (var k = 0; k + 1 < _n; k += 2)
            {
                a[k * _n + k + 1] = scale;
                a[(k + 1) * _n + k] = scale;
            }

            if (_n % 2 == 1)
            {
                a[(_n * _n) - 1] = scale;
            }

            var at = Matrices.To<T>(a);
            var factor = TKernel.Factor(at);
            var s = double.CreateChecked(T.CreateChecked(scale));
            var sign = (_n / 2) % 2 == 0 ? 1.0 : -1.0;
            var expected = double.CreateChecked(T.CreateSaturating(sign * Math.Pow(s, _n)));
            var determinant = factor.Determinant();
            if (double.IsFinite(expected) && expected != 0)
            {
                Assert.True(Math.Abs(double.CreateChecked(determinant) - expected) <= 4 * _n * U * Math.Abs(expected));
            }
            else
            {
                Assert.Equal(expected, double.CreateChecked(determinant));
                Assert.Equal(sign < 0, T.IsNegative(determinant));
            }

            var log = double.CreateChecked(factor.LogDeterminant());
            Assert.True(double.IsFinite(log));
            Assert.True(Math.Abs(log - (_n * Math.Log(s))) <= 4 * _n * U * Math.Abs(_n * Math.Log(s)) + (4 * _n * U), $"log|det| = {log:R}");
        }
    }

    public void InverseHasSmallResidualAndIsSymmetric()
    {
        var random = new Random(_n * 53);
        for (var trial = 0; trial < 4; trial++)
        {
            var at = Matrices.To<T>(Matrices.RandomSymmetric(random, _n, zeroDiagonal: trial % 2 == 1 && _n > 1));
            var factor = TKernel.Factor(at);
            var inverse = new T[_n * _n];
            factor.Inverse(inverse);
            var column = new T[_n];
            var unit = new T[_n];
            for (var j = 0; j < _n; j++)
            {
                for (var i = 0; i < _n; i++)
                {
                    Assert.Equal(inverse[i * _n + j], inverse[j * _n + i]);
                }
            }

            // Entries (i ≥ j) of column j are those of the solve with e_j; the residual of that solve is bounded.
            for (var j = 0; j < _n; j++)
            {
                for (var i = 0; i < _n; i++)
                {
                    unit[i] = i == j ? T.One : T.Zero;
                }

                factor.Solve(unit, column);
                for (var i = j; i < _n; i++)
                {
                    Assert.Equal(column[i], inverse[i * _n + j]);
                }

                AssertResidualWithinBound(factor, at, unit, column, $"column {j} of the inverse, trial {trial}");
            }
        }
    }

    public void VariantsAgree()
    {
        var random = new Random(_n * 59);
        var a = Matrices.RandomSymmetric(random, _n, zeroDiagonal: _n > 1);
        var at = Matrices.To<T>(a);
        var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
        var factor = TKernel.Factor(at);
        Assert.True(TKernel.TryFactor(at, out var tried));
        var (l, d, pivots) = Parts(factor);
        var (l2, d2, pivots2) = Parts(tried);
        Assert.Equal(l, l2);
        Assert.Equal(d, d2);
        Assert.Equal(pivots, pivots2);

        var x = new T[_n];
        factor.Solve(b, x);
        var inPlace = (T[])b.Clone();
        factor.Solve(inPlace);
        Assert.Equal(x, inPlace);

        // Only the upper triangle is read: a different lower triangle changes nothing.
        var otherLower = (T[])at.Clone();
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                otherLower[i * _n + j] = T.CreateChecked(7.5 + i - j);
            }
        }

        Assert.True(TKernel.TryFactor(otherLower, out var fromUpper));
        Assert.Equal(d, Parts(fromUpper).D);

        // FactorInPlace leaves D and Lᵀ in the upper triangle, with the same interchanges; SolveFactored solves the same way.
        var work = (T[])at.Clone();
        var workPivots = new int[_n];
        Assert.True(TKernel.FactorInPlace(work, workPivots));
        Assert.Equal(pivots, workPivots);
        var viaFactored = (T[])b.Clone();
        TKernel.SolveFactored(work, workPivots, viaFactored);
        Assert.Equal(x, viaFactored);
        for (var i = 0; i < _n; i++)
        {
            for (var j = i + 1; j < _n; j++)
            {
                var inBlock = j == i + 1 && pivots[i] < 0 && IsBlockStart(pivots, i);
                var expected = inBlock ? d[i * _n + j] : l[j * _n + i];
                Assert.Equal(expected, double.CreateChecked(work[i * _n + j]));
            }

            Assert.Equal(d[i * _n + i], double.CreateChecked(work[i * _n + i]));
        }
    }

    public void SingularMatrixIsRejected()
    {
        var zero = new T[_n * _n];
        Assert.False(TKernel.TryFactor(zero, out _));
        var e = Assert.Throws<FactorizationException>(() => TKernel.Factor(zero));
        Assert.Equal(Kind.Ldlt, e.Kind);
        Assert.Equal(0, e.Step);
        Assert.Contains("singular", e.Message, StringComparison.Ordinal);

        // A zero row and column: exactly singular whatever the interchanges do before it is reached.
        var random = new Random(_n * 61);
        for (var k = 0; k < _n; k++)
        {
            var a = Matrices.RandomSymmetric(random, _n, zeroDiagonal: false);
            for (var i = 0; i < _n; i++)
            {
                a[i * _n + k] = 0;
                a[k * _n + i] = 0;
            }

            var at = Matrices.To<T>(a);
            Assert.False(TKernel.TryFactor(at, out var failed));
            Assert.Throws<InvalidOperationException>(() => failed.Determinant());
            var thrown = Assert.Throws<FactorizationException>(() => TKernel.Factor(at));
            Assert.InRange(thrown.Step, 0, _n - 1);
        }
    }

    public void NonFiniteInputIsRejected()
    {
        var random = new Random(_n * 67);
        var positions = _n <= 6 ? _n * _n : 24;
        foreach (var bad in new[] { T.NaN, T.PositiveInfinity, T.NegativeInfinity })
        {
            for (var p = 0; p < positions; p++)
            {
                var index = _n <= 6 ? p : random.Next(_n * _n);
                var at = Matrices.To<T>(Matrices.RandomSymmetric(random, _n, zeroDiagonal: false));
                at[index] = bad;
                Assert.False(TKernel.TryFactor(at, out _), $"{bad} at {index} accepted");
                Assert.False(TKernel.FactorInPlace((T[])at.Clone(), new int[_n]));
                var e = Assert.Throws<FactorizationException>(() => TKernel.Factor(at));
                Assert.Equal(-1, e.Step);
            }
        }
    }

    public void ShortSpansThrowNamingTheParameter()
    {
        var at = Matrices.To<T>(Matrices.RandomSymmetric(new Random(_n), _n, zeroDiagonal: false));
        var factor = TKernel.Factor(at);
        var nn = _n * _n;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.TryFactor(new T[nn - 1], out _)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.Factor(new T[nn - 1])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[nn - 1], new int[_n])).ParamName);
        Assert.Equal("pivots", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[nn], new int[_n - 1])).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn - 1], new int[_n], new T[_n])).ParamName);
        Assert.Equal("pivots", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn], new int[_n - 1], new T[_n])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn], new int[_n], new T[_n - 1])).ParamName);
        var invalid = new int[_n];
        invalid[_n - 1] = -1;
        Assert.Equal("pivots", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn], invalid, new T[_n])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => factor.Solve(new T[_n - 1], new T[_n])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => factor.Solve(new T[_n], new T[_n - 1])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => factor.Solve(new T[_n - 1])).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentException>(() => factor.Inverse(new T[nn - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => factor.CopyLowerTo(new T[nn - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => factor.CopyBlockDiagonalTo(new T[nn - 1])).ParamName);
    }

    public void DefaultValueThrows()
    {
        var none = default(TKernel);
        Assert.Throws<InvalidOperationException>(() => none.Solve(new T[_n], new T[_n]));
        Assert.Throws<InvalidOperationException>(() => none.Solve(new T[_n]));
        Assert.Throws<InvalidOperationException>(() => none.Determinant());
        Assert.Throws<InvalidOperationException>(() => none.LogDeterminant());
        Assert.Throws<InvalidOperationException>(() => none.Inverse(new T[_n * _n]));
        Assert.Throws<InvalidOperationException>(() => none.CopyLowerTo(new T[_n * _n]));
        Assert.Throws<InvalidOperationException>(() => none.CopyBlockDiagonalTo(new T[_n * _n]));
        Assert.Throws<InvalidOperationException>(() => none.Inertia());
        Assert.Throws<InvalidOperationException>(() => none.Pivots.Length);
    }

    public long AllocatedBytesPerCall()
    {
        var at = Matrices.To<T>(Matrices.RandomSymmetric(new Random(_n * 71), _n, zeroDiagonal: _n > 1));
        var b = Matrices.To<T>(Matrices.RandomVector(new Random(_n), _n));
        var x = new T[_n];
        var matrix = new T[_n * _n];
        var work = new T[_n * _n];
        var pivots = new int[_n];

        void Exercise()
        {
            var factor = TKernel.Factor(at);
            TKernel.TryFactor(at, out factor);
            factor.Solve(b, x);
            factor.Solve(x);
            factor.Determinant();
            factor.LogDeterminant();
            factor.Inverse(matrix);
            factor.CopyLowerTo(matrix);
            factor.CopyBlockDiagonalTo(matrix);
            factor.Inertia();
            _ = factor.Pivots[0];
            at.CopyTo(work, 0);
            TKernel.FactorInPlace(work, pivots);
            TKernel.SolveFactored(work, pivots, x);
        }

        return Allocations.Of(Exercise);
    }

    /// <summary>
    /// (A + ΔA)x̂ = b with |ΔA| ≤ p'(n)u(|A| + Pᵀ|L̂||D̂||L̂ᵀ|P), p' = p(n) + n for the substitutions (Higham §11.1), and the
    /// residual's evaluation in double adds γ_{n+1}(|A||x̂| + |b|): checked in P's order, row by row.
    /// </summary>
    private void AssertResidualWithinBound(TKernel factor, T[] at, T[] b, T[] x, string what)
    {
        var (l, d, pivots) = Parts(factor);
        var pap = Permuted(Matrices.From(at), pivots);
        var pb = PermutedVector(Matrices.From(b), pivots);
        var px = PermutedVector(Matrices.From(x), pivots);
        var bound = Bound + (_n * U);
        for (var i = 0; i < _n; i++)
        {
            double residual = pb[i], scale = Math.Abs(pb[i]) * (_n + 2) * U;
            for (var j = 0; j < _n; j++)
            {
                residual = Math.FusedMultiplyAdd(-pap[i * _n + j], px[j], residual);
                double ldl = 0;
                for (var p = 0; p < _n; p++)
                {
                    for (var q = Math.Max(0, p - 1); q <= Math.Min(_n - 1, p + 1); q++)
                    {
                        ldl += Math.Abs(l[i * _n + p] * d[p * _n + q] * l[j * _n + q]);
                    }
                }

                scale += ((bound * (ldl + Math.Abs(pap[i * _n + j]))) + ((_n + 2) * U * Math.Abs(pap[i * _n + j]))) * Math.Abs(px[j]);
            }

            Assert.True(Math.Abs(residual) <= scale, $"|Pb - PAPᵀPx|[{i}] = {Math.Abs(residual):E3} > {scale:E3} ({what})");
        }
    }

    private (double[] L, double[] D, int[] Pivots) Parts(TKernel factor)
    {
        var l = new T[_n * _n];
        var d = new T[_n * _n];
        factor.CopyLowerTo(l);
        factor.CopyBlockDiagonalTo(d);
        var dd = Matrices.From(d);
        var pivots = factor.Pivots.ToArray();
        for (var k = 0; k < _n; k++)
        {
            if (pivots[k] >= 0)
            {
                Assert.InRange(pivots[k], k, _n - 1);
            }
            else
            {
                Assert.True(k + 1 < _n && pivots[k + 1] == pivots[k], "a 2×2 block takes two steps");
                Assert.InRange(~pivots[k], k + 1, _n - 1);

                // Bunch–Kaufman's 2×2 blocks are indefinite.
                var block = (dd[k * _n + k] * dd[(k + 1) * _n + k + 1]) - (dd[k * _n + k + 1] * dd[(k + 1) * _n + k]);
                Assert.True(block < 0, "a 2×2 block has a negative determinant");
                k++;
            }
        }

        return (Matrices.From(l), dd, pivots);
    }

    private static bool IsBlockStart(int[] pivots, int k)
    {
        for (var i = 0; i < k; i++)
        {
            if (pivots[i] < 0)
            {
                i++;
            }

            if (i == k)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The interchanges applied to rows and columns of <paramref name="m"/> in order.</summary>
    private double[] Permuted(double[] m, int[] pivots)
    {
        var result = (double[])m.Clone();
        foreach (var (first, second) in Interchanges(pivots))
        {
            for (var j = 0; j < _n; j++)
            {
                (result[first * _n + j], result[second * _n + j]) = (result[second * _n + j], result[first * _n + j]);
            }

            for (var i = 0; i < _n; i++)
            {
                (result[i * _n + first], result[i * _n + second]) = (result[i * _n + second], result[i * _n + first]);
            }
        }

        return result;
    }

    private double[] PermutedVector(double[] v, int[] pivots)
    {
        var result = (double[])v.Clone();
        foreach (var (first, second) in Interchanges(pivots))
        {
            (result[first], result[second]) = (result[second], result[first]);
        }

        return result;
    }

    private System.Collections.Generic.IEnumerable<(int First, int Second)> Interchanges(int[] pivots)
    {
        for (var k = 0; k < _n; k++)
        {
            if (pivots[k] >= 0)
            {
                yield return (k, pivots[k]);
            }
            else
            {
                yield return (k + 1, ~pivots[k]);
                k++;
            }
        }
    }

    /// <summary>n eigenvalues with magnitudes spread geometrically from 1 down to 1/κ, each with a random sign.</summary>
    private double[] Spread(Random random, double kappa)
    {
        var lambda = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            lambda[i] = _n == 1 ? 1 : Math.Pow(kappa, -(double)i / (_n - 1));
        }

        // A random sign per eigenvalue so the matrices are indefinite.
        for (var i = 0; i < _n; i++)
        {
            if (random.Next(2) == 0)
            {
                lambda[i] = -lambda[i];
            }
        }

        return lambda;
    }
}
