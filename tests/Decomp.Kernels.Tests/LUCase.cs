using System;
using System.Numerics;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>The checks of one generated LU kernel; <see cref="LUKernelTests"/> runs them for every shape.</summary>
public interface ILUCase
{
    string Name { get; }

    void FactorBackwardErrorIsWithinBound();

    void WilkinsonMatrixGrowsAsPartialPivotingPredicts();

    void SolveResidualIsWithinBound();

    void VariantsAgree();

    void DeterminantMatchesKnownValue();

    void DeterminantSurvivesOverAndUnderflow();

    void InverseHasSmallResidual();

    void ReciprocalConditionIsCloseToTheTrueValue();

    void SingularMatrixFailsAtTheRightColumn();

    void NonFiniteInputIsRejected();

    void ShortSpansThrowNamingTheParameter();

    void DefaultValueThrows();

    long AllocatedBytesPerCall();
}

/// <summary>Checks for one generated LU kernel <typeparamref name="TKernel"/> of order n over <typeparamref name="T"/>.</summary>
/// <remarks>
/// Reference arithmetic is in double. u is the unit roundoff of <typeparamref name="T"/> (2⁻⁵³ or 2⁻²⁴).
/// Bounds follow Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., ch. 9 (LU factorization).
/// </remarks>
public sealed class LUCase<TKernel, T> : ILUCase
    where TKernel : struct, ILUKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _n;

    public LUCase(int n)
    {
        _n = n;
        Name = typeof(TKernel).Name;
    }

    public string Name { get; }

    private static double U => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    /// <summary>κ₂ of the ill-conditioned trials: large, yet far from singular in <typeparamref name="T"/>.</summary>
    private static double Kappa => typeof(T) == typeof(float) ? 1e3 : 1e8;

    public void FactorBackwardErrorIsWithinBound()
    {
        var random = new Random(_n * 31);
        for (var trial = 0; trial < 15; trial++)
        {
            // Random, ill-conditioned, and zero-diagonal (a scaled permutation plus a little noise, so every step pivots).
            var a = (trial % 3) switch
            {
                0 => Matrices.RandomGeneral(random, _n),
                1 => Matrices.IllConditionedGeneral(random, _n, Kappa),
                _ => ZeroDiagonal(random),
            };
            var at = Matrices.To<T>(a);
            Assert.True(TKernel.TryFactor(at, out var factor), "a nonsingular matrix must factor");
            var (l, u, pivots) = Parts(factor);

            // Thm 9.3: PA + ΔA = L̂Û, |ΔA| ≤ γ_n|L̂||Û|. The multipliers are a·fl(1/d) (one more rounding: +2u), and
            // the check's own L̂Û in double adds γ_n for double kernels: n + 2 + n + 4 (second-order slack) = 2n + 6.
            var pa = Permuted(Matrices.From(at), pivots);
            var bound = (2 * _n + 6) * U;
            for (var i = 0; i < _n; i++)
            {
                for (var j = 0; j < _n; j++)
                {
                    double product = 0, magnitude = 0;
                    for (var k = 0; k <= Math.Min(i, j); k++)
                    {
                        product = Math.FusedMultiplyAdd(l[i * _n + k], u[k * _n + j], product);
                        magnitude += Math.Abs(l[i * _n + k] * u[k * _n + j]);
                    }

                    var error = Math.Abs(pa[i * _n + j] - product);
                    Assert.True(error <= bound * magnitude, $"|PA - LU|[{i},{j}] = {error:E3} > {bound:E3}·{magnitude:E3} (trial {trial})");
                }
            }

            // Partial pivoting keeps |l_ij| ≤ 1: the pivot is the largest magnitude in its column, except that magnitudes
            // within 2^b ulps (b = log2 of the register rows, ≤ 5) count as ties, and l = a·fl(1/d) rounds twice.
            for (var i = 0; i < _n; i++)
            {
                Assert.Equal(1.0, l[i * _n + i]);
                for (var j = 0; j < i; j++)
                {
                    Assert.True(Math.Abs(l[i * _n + j]) <= 1 + (40 * U), $"|l[{i},{j}]| = {Math.Abs(l[i * _n + j]):R} > 1");
                }
            }
        }
    }

    public void WilkinsonMatrixGrowsAsPartialPivotingPredicts()
    {
        // Wilkinson's matrix (1 on the diagonal, −1 below it, 1 in the last column) is the worst case of partial
        // pivoting: every column ties, the diagonal is chosen, no row moves, and u_nn = 2^(n−1) exactly.
        var a = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                a[i * _n + j] = j == _n - 1 ? 1 : i == j ? 1 : i > j ? -1 : 0;
            }
        }

        var factor = TKernel.Factor(Matrices.To<T>(a));
        var (l, u, pivots) = Parts(factor);
        for (var k = 0; k < _n; k++)
        {
            Assert.Equal(k, pivots[k]);
        }

        Assert.Equal(Math.Pow(2, _n - 1), u[(_n * _n) - 1]);
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.Equal(-1.0, l[i * _n + j]);
            }
        }
    }

    public void SolveResidualIsWithinBound()
    {
        var random = new Random(_n * 37);
        for (var trial = 0; trial < 9; trial++)
        {
            var a = (trial % 3) switch
            {
                0 => Matrices.RandomGeneral(random, _n),
                1 => Matrices.IllConditionedGeneral(random, _n, Kappa),
                _ => ZeroDiagonal(random),
            };
            var at = Matrices.To<T>(a);
            var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
            var factor = TKernel.Factor(at);
            var x = new T[_n];
            factor.Solve(b, x);
            AssertResidualWithinBound(factor, at, b, x, $"trial {trial}");
        }
    }

    public void VariantsAgree()
    {
        var random = new Random(_n * 41);
        var at = Matrices.To<T>(Matrices.RandomGeneral(random, _n));
        var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
        var factor = TKernel.Factor(at);
        Assert.True(TKernel.TryFactor(at, out var tried));
        var (l, u, pivots) = Parts(factor);
        var (l2, u2, pivots2) = Parts(tried);
        Assert.Equal(l, l2);
        Assert.Equal(u, u2);
        Assert.Equal(pivots, pivots2);

        // Solve(b, x) and Solve(b in place) run the same substitutions: identical bits.
        var x = new T[_n];
        factor.Solve(b, x);
        var inPlace = (T[])b.Clone();
        factor.Solve(inPlace);
        Assert.Equal(x, inPlace);

        // FactorInPlace leaves exactly L\U (row-major, L's unit diagonal implied) and the same exchanges.
        var work = (T[])at.Clone();
        var workPivots = new int[_n];
        Assert.True(TKernel.FactorInPlace(work, workPivots));
        Assert.Equal(pivots, workPivots);
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                Assert.Equal(j < i ? l[i * _n + j] : u[i * _n + j], double.CreateChecked(work[i * _n + j]));
            }
        }

        // SolveFactored divides by u_kk where Solve multiplies by its stored reciprocal; both meet the residual bound.
        var viaFactored = (T[])b.Clone();
        TKernel.SolveFactored(work, workPivots, viaFactored);
        AssertResidualWithinBound(factor, at, b, viaFactored, "SolveFactored");

        // The span overload accepts a longer span and reads only the first n·n elements.
        var padded = new T[(_n * _n) + 3];
        at.CopyTo(padded, 0);
        padded[^1] = T.NaN;
        Assert.True(TKernel.TryFactor(padded, out var fromPadded));
        Assert.Equal(u, Parts(fromPadded).U);

        // A failed FactorInPlace leaves the matrix as it was.
        var singular = new T[_n * _n];
        Assert.False(TKernel.FactorInPlace(singular, workPivots));
        Assert.All(singular, v => Assert.Equal(T.Zero, v));
    }

    public void DeterminantMatchesKnownValue()
    {
        var random = new Random(_n * 43);

        // A = P L₀U₀: L₀ unit lower and U₀ upper with off-diagonal entries of at most 1/(2n) and diag(U₀) in [1, 2], so
        // ‖L₀ − I‖, ‖U₀ − D‖ ≤ 1/2 and κ(A) ≤ 3·6 = 18 (say 25); det A = sign(P)·Π u₀_kk. A rounded to T and factored
        // backward-stably is det(A + ΔA) with |ΔA| ≤ (2n + 8)u|A|-sized terms: relative error ≤ n·κ·(2n + 8)u.
        var l0 = new double[_n * _n];
        var u0 = new double[_n * _n];
        var exact = 1.0;
        for (var i = 0; i < _n; i++)
        {
            l0[i * _n + i] = 1;
            u0[i * _n + i] = 1 + random.NextDouble();
            exact *= u0[i * _n + i];
            for (var j = 0; j < _n; j++)
            {
                if (j < i)
                {
                    l0[i * _n + j] = (random.NextDouble() - 0.5) / _n;
                }
                else if (j > i)
                {
                    u0[i * _n + j] = (random.NextDouble() - 0.5) / _n;
                }
            }
        }

        var product = Multiply(l0, u0);
        var (permutation, sign) = RandomPermutation(random);
        var a = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            Array.Copy(product, permutation[i] * _n, a, i * _n, _n);
        }

        exact *= sign;
        var factor = TKernel.Factor(Matrices.To<T>(a));
        var bound = _n * 25 * ((2 * _n) + 8) * U;
        var determinant = double.CreateChecked(factor.Determinant());
        Assert.True(Math.Abs(determinant - exact) <= bound * Math.Abs(exact), $"det = {determinant:R}, expected {exact:R}");
        var log = double.CreateChecked(factor.LogDeterminant());
        Assert.True(Math.Abs(log - Math.Log(Math.Abs(exact))) <= bound, $"log|det| = {log:R}, expected {Math.Log(Math.Abs(exact)):R}");
    }

    public void DeterminantSurvivesOverAndUnderflow()
    {
        var random = new Random(_n * 47);
        var (permutation, sign) = RandomPermutation(random);
        foreach (var scale in typeof(T) == typeof(float) ? new[] { 1e30, 1e-30 } : new[] { 1e200, 1e-200 })
        {
            // A = s·P: det A = sign(P)·sⁿ, beyond T's range for n ≥ 2; the log is n·ln s.
            var a = new double[_n * _n];
            for (var i = 0; i < _n; i++)
            {
                a[i * _n + permutation[i]] = scale;
            }

            var at = Matrices.To<T>(a);
            var factor = TKernel.Factor(at);
            var s = double.CreateChecked(at[permutation[0]]);
            var exact = sign * Math.Pow(s, _n);
            var expected = double.CreateChecked(T.CreateSaturating(exact));
            Assert.Equal(expected, double.CreateChecked(factor.Determinant()));
            if (expected == 0)
            {
                Assert.Equal(sign < 0, T.IsNegative(factor.Determinant()));
            }

            var log = double.CreateChecked(factor.LogDeterminant());
            Assert.True(double.IsFinite(log));
            Assert.True(Math.Abs(log - (_n * Math.Log(s))) <= 4 * _n * U * Math.Abs(_n * Math.Log(s)), $"log|det| = {log:R}");
        }
    }

    public void InverseHasSmallResidual()
    {
        var random = new Random(_n * 53);
        for (var trial = 0; trial < 4; trial++)
        {
            var at = Matrices.To<T>(trial % 2 == 0 ? Matrices.RandomGeneral(random, _n) : Matrices.IllConditionedGeneral(random, _n, Kappa));
            var factor = TKernel.Factor(at);
            var inverse = new T[_n * _n];
            factor.Inverse(inverse);

            // Column j of the inverse is a solve with e_j: each meets the solve's residual bound.
            var column = new T[_n];
            var unit = new T[_n];
            for (var j = 0; j < _n; j++)
            {
                for (var i = 0; i < _n; i++)
                {
                    column[i] = inverse[i * _n + j];
                    unit[i] = i == j ? T.One : T.Zero;
                }

                AssertResidualWithinBound(factor, at, unit, column, $"column {j} of the inverse, trial {trial}");
            }
        }
    }

    public void ReciprocalConditionIsCloseToTheTrueValue()
    {
        var random = new Random(_n * 59);
        for (var trial = 0; trial < 6; trial++)
        {
            var a = trial % 2 == 0 ? Matrices.RandomGeneral(random, _n) : Matrices.IllConditionedGeneral(random, _n, Kappa);
            var at = Matrices.To<T>(a);
            var factor = TKernel.Factor(at);

            // The true 1/(‖A‖₁‖A⁻¹‖₁), with A⁻¹ from double-precision elimination on the same matrix.
            var truth = 1 / (OneNorm(Matrices.From(at)) * OneNorm(InverseInDouble(Matrices.From(at))));
            var estimate = double.CreateChecked(factor.ReciprocalCondition());

            // Hager's estimate of ‖A⁻¹‖₁ is attained by some unit vector, so it never exceeds the norm: the estimate of
            // rcond is at least the truth, up to the rounding of the solves (n·κ·u relative; 1 % covers κ = 1e3 in float).
            // It is rarely more than 3× too large; 10× is the bound asserted.
            Assert.True(estimate >= truth * 0.99, $"rcond estimate {estimate:E3} < true {truth:E3}");
            Assert.True(estimate <= truth * 10, $"rcond estimate {estimate:E3} > 10 × true {truth:E3}");
        }

        // A nearly singular matrix reads as such.
        if (_n > 1)
        {
            var a = Matrices.RandomGeneral(random, _n);
            for (var i = 0; i < _n; i++)
            {
                a[i * _n + 1] = a[i * _n] * (1 + (typeof(T) == typeof(float) ? 1e-6 : 1e-14));
            }

            var at = Matrices.To<T>(a);
            if (TKernel.TryFactor(at, out var factor))
            {
                Assert.True(double.CreateChecked(factor.ReciprocalCondition()) < 1e4 * U, "nearly dependent columns give a small rcond");
            }
        }
    }

    public void SingularMatrixFailsAtTheRightColumn()
    {
        var random = new Random(_n * 61);
        for (var k = 0; k < _n; k++)
        {
            // A zero column k stays zero through every elimination step, so the first k columns (random, independent)
            // factor and step k finds no nonzero pivot.
            var a = Matrices.RandomGeneral(random, _n);
            for (var i = 0; i < _n; i++)
            {
                a[i * _n + k] = 0;
            }

            var at = Matrices.To<T>(a);
            Assert.False(TKernel.TryFactor(at, out var failed));
            Assert.Throws<InvalidOperationException>(() => failed.Determinant());
            var e = Assert.Throws<FactorizationException>(() => TKernel.Factor(at));
            Assert.Equal(Kind.LU, e.Kind);
            Assert.Equal(_n, e.Rows);
            Assert.Equal(_n, e.Columns);
            Assert.Equal(k, e.Step);
            Assert.Contains("singular", e.Message, StringComparison.Ordinal);
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
                var at = Matrices.To<T>(Matrices.RandomGeneral(random, _n));
                at[index] = bad;
                Assert.False(TKernel.TryFactor(at, out _), $"{bad} at {index} accepted");
                var work = (T[])at.Clone();
                Assert.False(TKernel.FactorInPlace(work, new int[_n]));
                var e = Assert.Throws<FactorizationException>(() => TKernel.Factor(at));
                Assert.Equal(-1, e.Step);
                Assert.Contains("NaN or infinity", e.Message, StringComparison.Ordinal);
            }
        }
    }

    public void ShortSpansThrowNamingTheParameter()
    {
        var at = Matrices.To<T>(Matrices.RandomGeneral(new Random(_n), _n));
        var factor = TKernel.Factor(at);
        var nn = _n * _n;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.TryFactor(new T[nn - 1], out _)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.Factor(new T[nn - 1])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[nn - 1], new int[_n])).ParamName);
        Assert.Equal("pivots", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[nn], new int[_n - 1])).ParamName);
        Assert.Equal("lu", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn - 1], new int[_n], new T[_n])).ParamName);
        Assert.Equal("pivots", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn], new int[_n - 1], new T[_n])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn], new int[_n], new T[_n - 1])).ParamName);
        var outOfRange = new int[_n];
        outOfRange[_n - 1] = _n;
        Assert.Equal("pivots", Assert.Throws<ArgumentException>(() => TKernel.SolveFactored(new T[nn], outOfRange, new T[_n])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => factor.Solve(new T[_n - 1], new T[_n])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => factor.Solve(new T[_n], new T[_n - 1])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => factor.Solve(new T[_n - 1])).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentException>(() => factor.Inverse(new T[nn - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => factor.CopyLowerTo(new T[nn - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => factor.CopyUpperTo(new T[nn - 1])).ParamName);
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
        Assert.Throws<InvalidOperationException>(() => none.CopyUpperTo(new T[_n * _n]));
        Assert.Throws<InvalidOperationException>(() => none.ReciprocalCondition());
        Assert.Throws<InvalidOperationException>(() => none.Pivots.Length);
    }

    public long AllocatedBytesPerCall()
    {
        var at = Matrices.To<T>(Matrices.RandomGeneral(new Random(_n * 71), _n));
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
            factor.CopyUpperTo(matrix);
            factor.ReciprocalCondition();
            _ = factor.Pivots[0];
            at.CopyTo(work, 0);
            TKernel.FactorInPlace(work, pivots);
            TKernel.SolveFactored(work, pivots, x);
        }

        return Allocations.Of(Exercise);
    }

    /// <summary>
    /// Thm 9.4: (A + ΔA)x̂ = b with |ΔA| ≤ γ_3n|L̂||Û| (rows in P's order). Back substitution multiplies by fl(1/u_kk)
    /// (+2u per unknown), and the residual's own evaluation in double adds γ_{n+1}(|A||x̂| + |b|) for double kernels:
    /// |Pb − PAx̂| ≤ (3n + 8)u·|L̂||Û||x̂| + (n + 2)u·(|PA||x̂| + |Pb|).
    /// </summary>
    private void AssertResidualWithinBound(TKernel factor, T[] at, T[] b, T[] x, string what)
    {
        var (l, u, pivots) = Parts(factor);
        var pa = Permuted(Matrices.From(at), pivots);
        var pb = Permuted(Matrices.From(b), pivots, columns: 1);
        var xd = Matrices.From(x);
        var luBound = ((3 * _n) + 8) * U;
        var evaluationBound = (_n + 2) * U;
        for (var i = 0; i < _n; i++)
        {
            double residual = pb[i], lux = 0, ax = Math.Abs(pb[i]);
            for (var j = 0; j < _n; j++)
            {
                residual = Math.FusedMultiplyAdd(-pa[i * _n + j], xd[j], residual);
                ax += Math.Abs(pa[i * _n + j] * xd[j]);
                double lu = 0;
                for (var k = 0; k <= Math.Min(i, j); k++)
                {
                    lu += Math.Abs(l[i * _n + k] * u[k * _n + j]);
                }

                lux += lu * Math.Abs(xd[j]);
            }

            var bound = (luBound * lux) + (evaluationBound * ax);
            Assert.True(Math.Abs(residual) <= bound, $"|Pb - PAx|[{i}] = {Math.Abs(residual):E3} > {bound:E3} ({what})");
        }
    }

    private (double[] L, double[] U, int[] Pivots) Parts(TKernel factor)
    {
        var l = new T[_n * _n];
        var u = new T[_n * _n];
        factor.CopyLowerTo(l);
        factor.CopyUpperTo(u);
        var pivots = factor.Pivots.ToArray();
        for (var k = 0; k < _n; k++)
        {
            Assert.InRange(pivots[k], k, _n - 1);
        }

        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                Assert.True(j <= i || l[i * _n + j] == T.Zero, "L is zero above the diagonal");
                Assert.True(j >= i || u[i * _n + j] == T.Zero, "U is zero below the diagonal");
            }
        }

        return (Matrices.From(l), Matrices.From(u), pivots);
    }

    /// <summary>The rows of <paramref name="m"/> exchanged as the pivots say: row k with row pivots[k], k = 0, 1, ….</summary>
    private double[] Permuted(double[] m, int[] pivots, int columns = -1)
    {
        var width = columns < 0 ? _n : columns;
        var result = (double[])m.Clone();
        for (var k = 0; k < _n; k++)
        {
            var p = pivots[k];
            for (var j = 0; j < width; j++)
            {
                (result[k * width + j], result[p * width + j]) = (result[p * width + j], result[k * width + j]);
            }
        }

        return result;
    }

    /// <summary>σ·D + noise: a random permutation σ without fixed points where possible, so every column must pivot.</summary>
    private double[] ZeroDiagonal(Random random)
    {
        var a = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            // A cyclic shift of the rows puts each column's large entry off the diagonal.
            var column = (i + 1) % _n;
            a[i * _n + column] = (random.Next(2) == 0 ? -1 : 1) * (1 + random.NextDouble());
            for (var j = 0; j < _n; j++)
            {
                if (j != column && j != i)
                {
                    a[i * _n + j] = (random.NextDouble() - 0.5) * 0.1;
                }
            }
        }

        return a;
    }

    private (int[] Permutation, int Sign) RandomPermutation(Random random)
    {
        var permutation = new int[_n];
        for (var i = 0; i < _n; i++)
        {
            permutation[i] = i;
        }

        var sign = 1;
        for (var i = _n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            if (j != i)
            {
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
                sign = -sign;
            }
        }

        return (permutation, sign);
    }

    private double[] Multiply(double[] x, double[] y)
    {
        var result = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                double sum = 0;
                for (var k = 0; k < _n; k++)
                {
                    sum += x[i * _n + k] * y[k * _n + j];
                }

                result[i * _n + j] = sum;
            }
        }

        return result;
    }

    private double OneNorm(double[] m)
    {
        double norm = 0;
        for (var j = 0; j < _n; j++)
        {
            double sum = 0;
            for (var i = 0; i < _n; i++)
            {
                sum += Math.Abs(m[i * _n + j]);
            }

            norm = Math.Max(norm, sum);
        }

        return norm;
    }

    /// <summary>A⁻¹ by Gauss–Jordan elimination with partial pivoting in double: the reference for the condition number.</summary>
    private double[] InverseInDouble(double[] a)
    {
        var m = (double[])a.Clone();
        var inverse = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            inverse[i * _n + i] = 1;
        }

        for (var k = 0; k < _n; k++)
        {
            var p = k;
            for (var i = k + 1; i < _n; i++)
            {
                if (Math.Abs(m[i * _n + k]) > Math.Abs(m[p * _n + k]))
                {
                    p = i;
                }
            }

            for (var j = 0; j < _n; j++)
            {
                (m[k * _n + j], m[p * _n + j]) = (m[p * _n + j], m[k * _n + j]);
                (inverse[k * _n + j], inverse[p * _n + j]) = (inverse[p * _n + j], inverse[k * _n + j]);
            }

            var pivot = m[k * _n + k];
            for (var j = 0; j < _n; j++)
            {
                m[k * _n + j] /= pivot;
                inverse[k * _n + j] /= pivot;
            }

            for (var i = 0; i < _n; i++)
            {
                if (i == k)
                {
                    continue;
                }

                var factor = m[i * _n + k];
                for (var j = 0; j < _n; j++)
                {
                    m[i * _n + j] -= factor * m[k * _n + j];
                    inverse[i * _n + j] -= factor * inverse[k * _n + j];
                }
            }
        }

        return inverse;
    }
}
