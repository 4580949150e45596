using System;
using System.Numerics;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>The checks of one generated QR kernel; <see cref="QRKernelTests"/> runs them for every shape.</summary>
public interface IQRCase
{
    string Name { get; }

    void FactorBackwardErrorIsWithinBound();

    void QIsOrthonormal();

    void LeastSquaresSolutionIsOptimal();

    void ApplyQTransposeMatchesTheFormedQ();

    void VariantsAgree();

    void RankDeficientMatrixStillFactors();

    void ExtremeScalesFactorAccurately();

    void NonFiniteInputIsRejected();

    void ShortSpansThrowNamingTheParameter();

    void DefaultValueThrows();

    long AllocatedBytesPerCall();
}

/// <summary>Checks for one generated QR kernel <typeparamref name="TKernel"/> of shape m × n over <typeparamref name="T"/>.</summary>
/// <remarks>
/// Reference arithmetic is in double; u is the unit roundoff of <typeparamref name="T"/>. Bounds after Higham, Accuracy and
/// Stability of Numerical Algorithms, 2nd ed., Thm 19.4 (Householder QR: ‖a_j − Q̂r̂_j‖₂ ≤ γ̃_mn‖a_j‖₂ and
/// ‖Q̂ − Q‖_F ≤ √n·γ̃_mn, γ̃_k = c·k·u with c a small constant) and Thm 20.3 (least squares by QR is backward stable).
/// c = 2 is taken, plus what the checks' own products in double add (n·u for double kernels).
/// </remarks>
public sealed class QRCase<TKernel, T> : IQRCase
    where TKernel : struct, IQRKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _m;
    private readonly int _n;

    public QRCase(int m, int n)
    {
        _m = m;
        _n = n;
        Name = typeof(TKernel).Name;
    }

    public string Name { get; }

    private static double U => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    /// <summary>γ̃_mn with c = 2, plus the check's own rounding (n·u) and a second-order slack of 4u.</summary>
    private double Gamma => LeastSquaresChecks.Gamma(_m, _n, U);

    public void FactorBackwardErrorIsWithinBound()
    {
        var random = new Random((_m * 31) + _n);
        for (var trial = 0; trial < 8; trial++)
        {
            var a = trial % 2 == 0 ? Matrices.RandomVector(random, _m * _n) : IllConditioned(random, typeof(T) == typeof(float) ? 1e4 : 1e10);
            var at = Matrices.To<T>(a);
            Assert.True(TKernel.TryFactor(at, out var factor));
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

                    error += (ad[i * _n + j] - product) * (ad[i * _n + j] - product);
                    norm += ad[i * _n + j] * ad[i * _n + j];
                }

                Assert.True(Math.Sqrt(error) <= Gamma * Math.Sqrt(norm), $"‖a_{j} − Qr_{j}‖ = {Math.Sqrt(error):E3} > {Gamma:E3}·{Math.Sqrt(norm):E3} (trial {trial})");
            }
        }
    }

    public void QIsOrthonormal()
    {
        var random = new Random((_m * 37) + _n);
        for (var trial = 0; trial < 4; trial++)
        {
            var at = Matrices.To<T>(trial % 2 == 0 ? Matrices.RandomVector(random, _m * _n) : IllConditioned(random, typeof(T) == typeof(float) ? 1e4 : 1e10));
            var (q, _) = Parts(TKernel.Factor(at));
            AssertOrthonormal(q, 2 * Math.Sqrt(_n) * Gamma, $"trial {trial}");
        }
    }

    public void LeastSquaresSolutionIsOptimal()
    {
        var random = new Random((_m * 41) + _n);
        for (var trial = 0; trial < 6; trial++)
        {
            var at = Matrices.To<T>(trial % 2 == 0 ? Matrices.RandomVector(random, _m * _n) : IllConditioned(random, typeof(T) == typeof(float) ? 1e3 : 1e8));
            var b = Matrices.To<T>(Matrices.RandomVector(random, _m));
            var factor = TKernel.Factor(at);
            var x = new T[_n];
            factor.Solve(b, x);
            LeastSquaresChecks.AssertNormalEquationsResidual(Matrices.From(at), Matrices.From(b), Matrices.From(x), _m, _n, Gamma, $"trial {trial}");
        }
    }

    public void ApplyQTransposeMatchesTheFormedQ()
    {
        var random = new Random((_m * 43) + _n);
        var at = Matrices.To<T>(Matrices.RandomVector(random, _m * _n));
        var factor = TKernel.Factor(at);
        var (q, _) = Parts(factor);
        var b = Matrices.To<T>(Matrices.RandomVector(random, _m));
        var qtb = (T[])b.Clone();
        factor.ApplyQTransposeTo(qtb);
        var bd = Matrices.From(b);

        // The first n components are (thin Q)ᵀb; all m keep ‖b‖ (Q is orthogonal).
        for (var j = 0; j < _n; j++)
        {
            double dot = 0;
            for (var i = 0; i < _m; i++)
            {
                dot += q[i * _n + j] * bd[i];
            }

            Assert.True(Math.Abs(dot - double.CreateChecked(qtb[j])) <= 2 * Gamma * Norm(bd), $"(Qᵀb)[{j}]");
        }

        Assert.True(Math.Abs(Norm(Matrices.From(qtb)) - Norm(bd)) <= 2 * Gamma * Norm(bd), "‖Qᵀb‖ = ‖b‖");
    }

    public void VariantsAgree()
    {
        var random = new Random((_m * 47) + _n);
        var at = Matrices.To<T>(Matrices.RandomVector(random, _m * _n));
        var factor = TKernel.Factor(at);
        Assert.True(TKernel.TryFactor(at, out var tried));
        var (q, r) = Parts(factor);
        var (q2, r2) = Parts(tried);
        Assert.Equal(q, q2);
        Assert.Equal(r, r2);

        // FactorInPlace leaves R on and above the diagonal, exactly as CopyRTo gives it.
        var work = (T[])at.Clone();
        var tau = new T[_n];
        Assert.True(TKernel.FactorInPlace(work, tau));
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

        // Solve into x distinct from b, and in the same span when the shape is square, give the same bits.
        var b = Matrices.To<T>(Matrices.RandomVector(random, _m));
        var x = new T[_n];
        factor.Solve(b, x);
        if (_m == _n)
        {
            var inPlace = (T[])b.Clone();
            factor.Solve(inPlace, inPlace);
            Assert.Equal(x, inPlace);
        }
    }

    public void RankDeficientMatrixStillFactors()
    {
        // A zero column: QR exists (R gets a zero), and only NaN/∞ make TryFactor fail.
        var random = new Random((_m * 53) + _n);
        var a = Matrices.RandomVector(random, _m * _n);
        var k = _n / 2;
        for (var i = 0; i < _m; i++)
        {
            a[i * _n + k] = 0;
        }

        var at = Matrices.To<T>(a);
        Assert.True(TKernel.TryFactor(at, out var factor));
        var (q, r) = Parts(factor);
        Assert.True(Math.Abs(r[k * _n + k]) <= Gamma * Norm(Matrices.From(at)), "r_kk of a zero column is (numerically) zero");
        AssertOrthonormal(q, 2 * Math.Sqrt(_n) * Gamma, "rank deficient");
    }

    public void ExtremeScalesFactorAccurately()
    {
        // Columns scaled by 2^e so far out that their squares over- or underflow (e = ±600 in double, ±70 in float):
        // the kernel must take the scaled path there, and the factor must be as accurate as for unscaled columns.
        // Scaling by 2^e is exact, so the check scales each column back and uses the bound of the unscaled test.
        var big = typeof(T) == typeof(float) ? 70 : 600;
        var random = new Random((_m * 61) + _n);
        foreach (var pattern in new[] { "huge", "tiny", "alternating" })
        {
            var exponents = new int[_n];
            for (var j = 0; j < _n; j++)
            {
                exponents[j] = pattern switch { "huge" => big, "tiny" => -big, _ => j % 2 == 0 ? big : -big };
            }

            var a = Matrices.RandomVector(random, _m * _n);
            for (var i = 0; i < _m; i++)
            {
                for (var j = 0; j < _n; j++)
                {
                    a[i * _n + j] = Math.ScaleB(a[i * _n + j], exponents[j]);
                }
            }

            var at = Matrices.To<T>(a);
            Assert.True(TKernel.TryFactor(at, out var factor), pattern);
            var (q, r) = Parts(factor);
            var ad = Matrices.From(at);
            AssertOrthonormal(q, 2 * Math.Sqrt(_n) * Gamma, pattern);
            for (var j = 0; j < _n; j++)
            {
                double error = 0, norm = 0;
                for (var i = 0; i < _m; i++)
                {
                    double product = 0;
                    for (var k = 0; k <= j; k++)
                    {
                        product = Math.FusedMultiplyAdd(q[i * _n + k], Math.ScaleB(r[k * _n + j], -exponents[j]), product);
                    }

                    var aij = Math.ScaleB(ad[i * _n + j], -exponents[j]);
                    error += (aij - product) * (aij - product);
                    norm += aij * aij;
                }

                Assert.True(Math.Sqrt(error) <= Gamma * Math.Sqrt(norm), $"{pattern}: ‖a_{j} − Qr_{j}‖ = {Math.Sqrt(error):E3} > {Gamma:E3}·{Math.Sqrt(norm):E3} (scaled back by 2^{-exponents[j]})");
            }
        }
    }

    public void NonFiniteInputIsRejected()
        => HouseholderChecks<TKernel, T>.NonFiniteInputIsRejected(_m, _n, Kind.QR, (_m * 59) + _n, work => TKernel.FactorInPlace(work, new T[_n]));

    public void ShortSpansThrowNamingTheParameter()
    {
        HouseholderChecks<TKernel, T>.ShortSpansThrowNamingTheParameter(_m, _n);
        var mn = _m * _n;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[mn - 1], new T[_n])).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentException>(() => TKernel.FactorInPlace(new T[mn], new T[_n - 1])).ParamName);
    }

    public void DefaultValueThrows() => HouseholderChecks<TKernel, T>.DefaultValueThrows(_m, _n);

    public long AllocatedBytesPerCall()
    {
        var at = Matrices.To<T>(Matrices.RandomVector(new Random(_m * 73), _m * _n));
        var work = new T[_m * _n];
        var tau = new T[_n];
        return HouseholderChecks<TKernel, T>.AllocatedBytesPerCall(_m, _n, _ =>
        {
            at.CopyTo(work, 0);
            TKernel.FactorInPlace(work, tau);
        });
    }

    private void AssertOrthonormal(double[] q, double bound, string what) => LeastSquaresChecks.AssertOrthonormal(q, _m, _n, bound, what);

    private (double[] Q, double[] R) Parts(TKernel factor) => HouseholderChecks<TKernel, T>.Parts(factor, _m, _n);

    /// <summary>U Σ Vᵀ (m × n) with singular values from 1 down to 1/κ, U with orthonormal columns.</summary>
    private double[] IllConditioned(Random random, double kappa)
    {
        var sigma = new double[_n];
        for (var k = 0; k < _n; k++)
        {
            sigma[k] = _n == 1 ? 1 : Math.Pow(kappa, -(double)k / (_n - 1));
        }

        return Matrices.WithSingularValues(random, _m, _n, sigma);
    }

    private static double Norm(double[] values) => LeastSquaresChecks.Norm(values);
}
