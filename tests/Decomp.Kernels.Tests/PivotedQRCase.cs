using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>The checks of one generated column-pivoted QR kernel; <see cref="PivotedQRKernelTests"/> runs them for every shape.</summary>
public interface IPivotedQRCase
{
    string Name { get; }

    void FactorBackwardErrorIsWithinBound();

    void QIsOrthonormal();

    void DiagonalIsNonIncreasingAndDominatesItsRow();

    void NormDowndatingRecomputesAfterCancellation();

    void LeastSquaresSolutionIsOptimal();

    void SquareSolveHasSmallResidual();

    void RankDeficientBasicSolutionIsOptimal();

    void DuplicatedColumnSystemSolvesConsistently();

    void VariantsAgree();

    void NonFiniteInputIsRejected();

    void ShortSpansThrowNamingTheParameter();

    void DefaultValueThrows();

    long AllocatedBytesPerCall();
}

/// <summary>Checks for one generated column-pivoted QR kernel <typeparamref name="TKernel"/> of shape m × n over <typeparamref name="T"/>.</summary>
/// <remarks>
/// Reference arithmetic is in double; u is the unit roundoff of <typeparamref name="T"/>. AP = QR is Householder QR of the
/// permuted matrix, so QR's bounds hold (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., Thm 19.4:
/// ‖(AP)_j − Q̂r̂_j‖₂ ≤ γ̃_mn‖(AP)_j‖₂, ‖Q̂ − Q‖_F ≤ √n·γ̃_mn, γ̃_k = c·k·u; Thm 20.3 for least squares). c = 2 as in
/// <see cref="QRCase{TKernel, T}"/>, plus the checks' own rounding in double (n·u) and a second-order slack of 4u.
/// </remarks>
public sealed class PivotedQRCase<TKernel, T> : IPivotedQRCase
    where TKernel : struct, IPivotedQRKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _m;
    private readonly int _n;

    public PivotedQRCase(int m, int n)
    {
        _m = m;
        _n = n;
        Name = typeof(TKernel).Name;
    }

    public string Name { get; }

    private static double U => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    /// <summary>γ̃_mn with c = 2, plus the check's own rounding (n·u) and a second-order slack of 4u.</summary>
    private double Gamma => LeastSquaresChecks.Gamma(_m, _n, U);

    /// <summary>κ for the ill-conditioned trials: far from the default rank tolerance max(m, n)·ε, so the rank stays n.</summary>
    private static double Kappa => typeof(T) == typeof(float) ? 1e3 : 1e8;

    public void FactorBackwardErrorIsWithinBound()
    {
        var random = new Random((_m * 31) + _n);
        for (var trial = 0; trial < 9; trial++)
        {
            var at = Matrices.To<T>(Trial(random, trial));
            Assert.True(TKernel.TryFactor(at, out var factor));
            var p = Permutation(factor);
            var (q, r) = Parts(factor);
            var ad = Matrices.From(at);
            for (var j = 0; j < _n; j++)
            {
                double error = 0, norm = 0;
                for (var i = 0; i < _m; i++)
                {
                    double product = 0;
                    for (var k = 0; k <= j; k++)
                    {
                        product = Math.FusedMultiplyAdd(q[i * _n + k], r[k * _n + j], product);
                    }

                    var apij = ad[i * _n + p[j]];
                    error += (apij - product) * (apij - product);
                    norm += apij * apij;
                }

                Assert.True(Math.Sqrt(error) <= Gamma * Math.Sqrt(norm), $"‖(AP)_{j} − Qr_{j}‖ = {Math.Sqrt(error):E3} > {Gamma:E3}·{Math.Sqrt(norm):E3} (trial {trial})");
            }
        }
    }

    public void QIsOrthonormal()
    {
        var random = new Random((_m * 37) + _n);
        for (var trial = 0; trial < 6; trial++)
        {
            var (q, _) = Parts(TKernel.Factor(Matrices.To<T>(Trial(random, trial))));
            AssertOrthonormal(q, 2 * Math.Sqrt(_n) * Gamma, $"trial {trial}");
        }
    }

    public void DiagonalIsNonIncreasingAndDominatesItsRow()
    {
        var random = new Random((_m * 39) + _n);
        for (var trial = 0; trial < 9; trial++)
        {
            AssertPivotingProperties(Matrices.To<T>(Trial(random, trial)), $"trial {trial}");
        }
    }

    public void NormDowndatingRecomputesAfterCancellation()
    {
        // Columns a + s_k·w_k: after step 0 only s_k·w_k is left of each, and downdating ‖a + s_k·w_k‖ by r_0k cancels all
        // but s_k² of 1, below u when s_k < √u. The norms must then be recomputed from the columns (LAWN 176), or the
        // pivots among them go by noise. s_k grows with k, so the order that is right is the reverse of A's.
        // The s_k sit between 100·γ̃·√n (well above the rounding left in the columns) and √u: only double has room.
        var low = 100 * Gamma * Math.Sqrt(_n);
        var high = Math.Sqrt(U);
        if (_n < 3 || 10 * low > high)
        {
            return;
        }

        var random = new Random((_m * 43) + _n);
        var common = Matrices.RandomVector(random, _m);
        var a = new double[_m * _n];
        for (var k = 0; k < _n; k++)
        {
            var s = k == 0 ? 0 : low * Math.Pow(high / low, (k - 1.0) / (_n - 2));
            var w = Matrices.RandomVector(random, _m);
            for (var i = 0; i < _m; i++)
            {
                a[i * _n + k] = common[i] + (s * w[i]);
            }
        }

        AssertPivotingProperties(Matrices.To<T>(a), "columns that cancel");
    }

    public void LeastSquaresSolutionIsOptimal()
    {
        var random = new Random((_m * 41) + _n);
        for (var trial = 0; trial < 6; trial++)
        {
            var a = trial % 2 == 0 ? Matrices.RandomVector(random, _m * _n) : IllConditioned(random, Kappa);
            var factor = TKernel.Factor(Matrices.To<T>(a));
            Assert.Equal(_n, factor.Rank());
            AssertNormalEquationsResidual(a, factor, Matrices.RandomVector(random, _m), $"trial {trial}");
        }
    }

    public void SquareSolveHasSmallResidual()
    {
        if (_m != _n)
        {
            return;
        }

        // Thm 20.3 with m = n: x̂ solves (A + ΔA) x̂ = b + Δb exactly, so ‖b − A x̂‖ ≤ γ̃(‖A‖_F‖x̂‖ + ‖b‖).
        var random = new Random((_m * 45) + _n);
        for (var trial = 0; trial < 6; trial++)
        {
            var at = Matrices.To<T>(trial % 2 == 0 ? Matrices.RandomGeneral(random, _n) : IllConditioned(random, Kappa));
            var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
            var x = new T[_n];
            TKernel.Factor(at).Solve(b, x);
            var ad = Matrices.From(at);
            var xd = Matrices.From(x);
            var residual = Residual(ad, Matrices.From(b), xd);
            var bound = 2 * Gamma * ((Norm(ad) * Norm(xd)) + Norm(Matrices.From(b)));
            Assert.True(Norm(residual) <= bound, $"‖b − Ax‖ = {Norm(residual):E3} > {bound:E3} (trial {trial})");
        }
    }

    public void RankDeficientBasicSolutionIsOptimal()
    {
        if (_n < 2)
        {
            return;
        }

        // Rank r (n/2, or n − 1) with singular values 1 … 0.1 and zeros. After r steps what is left is the rounding of A
        // in T (‖E‖_F ≲ u‖A‖_F) carried through r reflectors, so |r_kk| (k ≥ r) ≈ u‖A‖_F ≤ √n·u·|r_00|, far below the default
        // tolerance 2·max(m, n)·u·|r_00|; and |r_r−1,r−1| ≳ σ_r/√n stays far above it.
        var random = new Random((_m * 47) + _n);
        for (var trial = 0; trial < 4; trial++)
        {
            var rank = trial % 2 == 0 ? Math.Max(1, _n / 2) : _n - 1;
            var sigma = new double[_n];
            for (var k = 0; k < rank; k++)
            {
                sigma[k] = rank == 1 ? 1 : Math.Pow(10, -(double)k / (rank - 1));
            }

            var a = Matrices.WithSingularValues(random, _m, _n, sigma);
            var factor = TKernel.Factor(Matrices.To<T>(a));
            Assert.Equal(rank, factor.Rank());
            var x = AssertNormalEquationsResidual(Matrices.From(Matrices.To<T>(a)), factor, Matrices.RandomVector(random, _m), $"rank {rank}");

            // The basic solution: nothing in the columns pivoted past the rank.
            var p = Permutation(factor);
            for (var k = rank; k < _n; k++)
            {
                Assert.Equal(0.0, x[p[k]]);
            }
        }
    }

    public void DuplicatedColumnSystemSolvesConsistently()
    {
        if (_n < 2)
        {
            return;
        }

        // Column n − 1 repeats column 0: rank n − 1; b = A x₀ is consistent, so the basic solution has a residual at the
        // rounding level: ‖b − A x̂‖ ≤ γ̃(‖A‖_F‖x̂‖ + ‖b‖) (backward stability of the rank-r solve, Higham §20.5), 2× slack.
        var random = new Random((_m * 53) + _n);
        var a = Matrices.RandomVector(random, _m * _n);
        for (var i = 0; i < _m; i++)
        {
            a[i * _n + _n - 1] = a[i * _n];
        }

        var ad = Matrices.From(Matrices.To<T>(a));
        var x0 = Matrices.RandomVector(random, _n);
        var b = new double[_m];
        for (var i = 0; i < _m; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                b[i] += ad[i * _n + j] * x0[j];
            }
        }

        var bt = Matrices.To<T>(b);
        var factor = TKernel.Factor(Matrices.To<T>(a));
        Assert.Equal(_n - 1, factor.Rank());
        var x = new T[_n];
        factor.Solve(bt, x);
        var xd = Matrices.From(x);
        Assert.True(xd.All(double.IsFinite), "the basic solution is finite");
        var residual = Residual(ad, Matrices.From(bt), xd);
        var bound = 2 * Gamma * ((Norm(ad) * Norm(xd)) + Norm(Matrices.From(bt)));
        Assert.True(Norm(residual) <= bound, $"‖b − Ax‖ = {Norm(residual):E3} > {bound:E3}");

        // Exactly one of the two equal columns is basic.
        var p = Permutation(factor);
        Assert.True(x[0] == T.Zero || x[_n - 1] == T.Zero, "one of the duplicated columns is left out");
        Assert.Contains(p[_n - 1], new[] { 0, _n - 1 });
    }

    public void VariantsAgree()
    {
        var random = new Random((_m * 59) + _n);
        var at = Matrices.To<T>(Matrices.RandomVector(random, _m * _n));
        var factor = TKernel.Factor(at);
        Assert.True(TKernel.TryFactor(at, out var tried));
        Assert.Equal(Parts(factor).R, Parts(tried).R);
        Assert.Equal(Parts(factor).Q, Parts(tried).Q);
        Assert.Equal(factor.ColumnPermutation.ToArray(), tried.ColumnPermutation.ToArray());

        // FactorInPlace leaves R on and above the diagonal exactly as CopyRTo gives it, and the same permutation.
        var work = (T[])at.Clone();
        var tau = new T[_n];
        var permutation = new int[_n];
        Assert.True(TKernel.FactorInPlace(work, tau, permutation));
        Assert.Equal(factor.ColumnPermutation.ToArray(), permutation);
        var r = Parts(factor).R;
        for (var i = 0; i < _n; i++)
        {
            for (var j = i; j < _n; j++)
            {
                Assert.Equal(r[i * _n + j], double.CreateChecked(work[i * _n + j]));
            }
        }

        // Every τ of a Householder reflector lies in [0, 2] (τ = 0: no reflection; 1 ≤ τ ≤ 2 otherwise).
        foreach (var t in tau)
        {
            Assert.InRange(double.CreateChecked(t), 0.0, 2.0);
        }

        // Rank with tolerance 0 counts the nonzero diagonal; the default tolerance agrees on a random (full-rank) matrix.
        Assert.Equal(_n, factor.Rank(T.Zero));
        Assert.Equal(_n, factor.Rank());

        // Solve into x distinct from b, and into the same span when the shape is square, give the same bits.
        var b = Matrices.To<T>(Matrices.RandomVector(random, _m));
        var x = new T[_n];
        factor.Solve(b, x);
        if (_m == _n)
        {
            var inPlace = (T[])b.Clone();
            factor.Solve(inPlace, inPlace);
            Assert.Equal(x, inPlace);
        }

        // The zero matrix: rank 0, and the basic solution is x = 0.
        var zero = TKernel.Factor(new T[_m * _n]);
        Assert.Equal(0, zero.Rank());
        zero.Solve(b, x);
        Assert.All(x, v => Assert.Equal(T.Zero, v));
    }

    public void NonFiniteInputIsRejected()
        => HouseholderChecks<TKernel, T>.NonFiniteInputIsRejected(_m, _n, Kind.PivotedQR, (_m * 61) + _n, work => TKernel.FactorInPlace(work, new T[_n], new int[_n]));

    public void ShortSpansThrowNamingTheParameter()
    {
        HouseholderChecks<TKernel, T>.ShortSpansThrowNamingTheParameter(_m, _n);
        var mn = _m * _n;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[mn - 1], new T[_n], new int[_n])).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[mn], new T[_n - 1], new int[_n])).ParamName);
        Assert.Equal("permutation", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[mn], new T[_n], new int[_n - 1])).ParamName);
    }

    public void DefaultValueThrows()
    {
        HouseholderChecks<TKernel, T>.DefaultValueThrows(_m, _n);
        var none = default(TKernel);
        Assert.Throws<InvalidOperationException>(() => none.Rank());
        Assert.Throws<InvalidOperationException>(() => none.Rank(T.One));
        Assert.Throws<InvalidOperationException>(() => none.ColumnPermutation.Length);
    }

    public long AllocatedBytesPerCall()
    {
        var at = Matrices.To<T>(Matrices.RandomVector(new Random(_m * 73), _m * _n));
        var work = new T[_m * _n];
        var tau = new T[_n];
        var permutation = new int[_n];
        return HouseholderChecks<TKernel, T>.AllocatedBytesPerCall(_m, _n, factor =>
        {
            _ = factor.Rank() + factor.Rank(T.One) + factor.ColumnPermutation[0];
            at.CopyTo(work, 0);
            TKernel.FactorInPlace(work, tau, permutation);
        });
    }

    /// <summary>
    /// Trial matrices: random, ill-conditioned (κ = <see cref="Kappa"/>), and of rank about n/2 (zeros among the singular
    /// values), in turn.
    /// </summary>
    private double[] Trial(Random random, int trial) => (trial % 3) switch
    {
        0 => Matrices.RandomVector(random, _m * _n),
        1 => IllConditioned(random, Kappa),
        _ => Matrices.WithSingularValues(random, _m, _n, Enumerable.Range(0, _n).Select(k => k <= (_n - 1) / 2 ? 1.0 / (k + 1) : 0).ToArray()),
    };

    /// <summary>
    /// Column pivoting's guarantees: P is a permutation, and |r_kk| ≥ ‖(r_kj, …, r_jj)‖ for every j ≥ k (the pivot had the
    /// largest remaining norm), so in particular |r_kk| ≥ |r_k+1,k+1| and |r_kk| ≥ |r_kj|. Two allowances: the choice is made
    /// on downdated norms, accurate only to a relative 2√u per downdate before they are recomputed (LAWN 176 recomputes
    /// once cancellation would leave less), so the factor (1 + 2n√u); and the remaining columns carry rounding of γ̃‖A‖_F.
    /// </summary>
    private void AssertPivotingProperties(T[] at, string what)
    {
        var factor = TKernel.Factor(at);
        var p = Permutation(factor);
        Assert.Equal(Enumerable.Range(0, _n), p.Order());
        var (_, r) = Parts(factor);
        var slack = Gamma * Norm(Matrices.From(at));
        var relative = 1 + (2 * _n * Math.Sqrt(U));
        for (var k = 0; k < _n; k++)
        {
            var pivot = Math.Abs(r[k * _n + k]);
            for (var j = k + 1; j < _n; j++)
            {
                double remaining = 0;
                for (var i = k; i <= j; i++)
                {
                    remaining += r[i * _n + j] * r[i * _n + j];
                }

                remaining = Math.Sqrt(remaining);
                Assert.True(remaining <= (relative * pivot) + slack, $"‖R[{k}…{j}, {j}]‖ = {remaining:E6} > |r_{k}{k}| = {pivot:E6} ({what})");
            }
        }
    }

    /// <summary>
    /// Solves the least-squares problem for <paramref name="b"/> and checks the normal-equations residual Aᵀr̂, as
    /// <see cref="LeastSquaresChecks.AssertNormalEquationsResidual"/> bounds it (Thm 20.3); returns x̂.
    /// </summary>
    private double[] AssertNormalEquationsResidual(double[] a, TKernel factor, double[] b, string what)
    {
        var ad = Matrices.From(Matrices.To<T>(a));
        var bt = Matrices.To<T>(b);
        var x = new T[_n];
        factor.Solve(bt, x);
        var xd = Matrices.From(x);
        LeastSquaresChecks.AssertNormalEquationsResidual(ad, Matrices.From(bt), xd, _m, _n, Gamma, what);
        return xd;
    }

    private double[] Residual(double[] a, double[] b, double[] x) => LeastSquaresChecks.Residual(a, b, x, _m, _n);

    private void AssertOrthonormal(double[] q, double bound, string what) => LeastSquaresChecks.AssertOrthonormal(q, _m, _n, bound, what);

    private static int[] Permutation(TKernel factor) => factor.ColumnPermutation.ToArray();

    private (double[] Q, double[] R) Parts(TKernel factor) => HouseholderChecks<TKernel, T>.Parts(factor, _m, _n);

    /// <summary>U Σ Vᵀ (m × n) with singular values from 1 down to 1/κ.</summary>
    private double[] IllConditioned(Random random, double kappa)
        => Matrices.WithSingularValues(random, _m, _n, Enumerable.Range(0, _n).Select(k => _n == 1 ? 1 : Math.Pow(kappa, -(double)k / (_n - 1))).ToArray());

    private static double Norm(double[] values) => LeastSquaresChecks.Norm(values);
}
