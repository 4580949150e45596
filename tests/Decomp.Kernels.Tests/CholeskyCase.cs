using System;
using System.Numerics;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>The checks of one generated kernel; <see cref="CholeskyKernelTests"/> runs them for every shape.</summary>
public interface ICholeskyCase
{
    string Name { get; }

    void FactorBackwardErrorIsWithinBound();

    void SolveResidualIsWithinBound();

    void VariantsAgree();

    void DeterminantMatchesKnownValue();

    void DeterminantSurvivesOverAndUnderflow();

    void InverseIsAccurateAndSymmetric();

    void UpdateAndDowndateMatchDefinition();

    void DowndateRejectsIndefiniteResult();

    void NotPositiveDefiniteFailsAtTheRightColumn();

    void NonFiniteInputIsRejected();

    void ShortSpansThrowNamingTheParameter();

    void DefaultValueThrows();

    long AllocatedBytesPerCall();
}

/// <summary>Checks for one generated kernel <typeparamref name="TKernel"/> of order n over <typeparamref name="T"/>.</summary>
/// <remarks>
/// Reference arithmetic is in double. u is the unit roundoff of <typeparamref name="T"/> (2⁻⁵³ or 2⁻²⁴).
/// Bounds follow Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., ch. 10 (Cholesky).
/// </remarks>
public sealed class CholeskyCase<TKernel, T> : ICholeskyCase
    where TKernel : struct, ICholeskyKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _n;

    public CholeskyCase(int n)
    {
        _n = n;
        Name = $"{typeof(TKernel).Name}";
    }

    public string Name { get; }

    private static double U => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    public void FactorBackwardErrorIsWithinBound()
    {
        var random = new Random(_n * 31);
        for (var trial = 0; trial < 12; trial++)
        {
            // Half the trials are well conditioned, half have κ₂ = 1e8 (double) or 1e3 (float):
            // Cholesky's backward error does not depend on κ.
            var a = trial % 2 == 0 ? Matrices.RandomSpd(random, _n) : Matrices.IllConditionedSpd(random, _n, typeof(T) == typeof(float) ? 1e3 : 1e8);
            var at = Matrices.To<T>(a);
            Assert.True(TKernel.TryFactor(at, out var factor), "a positive-definite matrix must factor");
            var u = UpperOf(factor);

            // Thm 10.3: A + ΔA = ÛᵀÛ, |ΔA| ≤ γ_{n+1}|Ûᵀ||Û|. The kernel forms u_jk = a_jk·√(1/d_j) (two more
            // roundings per entry than a_jk/√d_j: +4u on each product), and the check's own ÛᵀÛ in double adds
            // γ_n for double kernels: (n + 1) + 4 + n + 3 (slack for the γ's second-order term) = 2n + 8.
            var bound = (2 * _n + 8) * U;
            for (var i = 0; i < _n; i++)
            {
                for (var j = i; j < _n; j++)
                {
                    double product = 0, magnitude = 0;
                    for (var k = 0; k <= i; k++)
                    {
                        product = Math.FusedMultiplyAdd(u[k * _n + i], u[k * _n + j], product);
                        magnitude += Math.Abs(u[k * _n + i] * u[k * _n + j]);
                    }

                    var error = Math.Abs(double.CreateChecked(at[i * _n + j]) - product);
                    Assert.True(error <= bound * magnitude, $"|A - UᵀU|[{i},{j}] = {error:E3} > {bound:E3}·{magnitude:E3} (trial {trial})");
                }
            }

            // The factor is upper triangular with a positive diagonal.
            for (var j = 0; j < _n; j++)
            {
                Assert.True(u[j * _n + j] > 0);
            }
        }
    }

    public void SolveResidualIsWithinBound()
    {
        var random = new Random(_n * 37);
        for (var trial = 0; trial < 8; trial++)
        {
            var a = trial % 2 == 0 ? Matrices.RandomSpd(random, _n) : Matrices.IllConditionedSpd(random, _n, typeof(T) == typeof(float) ? 1e3 : 1e8);
            var at = Matrices.To<T>(a);
            var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
            var factor = TKernel.Factor(at);
            var x = new T[_n];
            factor.Solve(b, x);
            var u = UpperOf(factor);

            // Thm 10.4: (A + ΔA)x̂ = b with |ΔA| ≤ γ_{3n+1}|Ûᵀ||Û|; the substitutions multiply by √(1/d_j)
            // instead of dividing by u_jj (+2u per step, +4u over both), and the residual's own evaluation in
            // double adds γ_n|A||x̂|: (3n + 1) + 4 + n + 7 (second-order slack) = 4n + 12.
            var bound = (4 * _n + 12) * U;
            for (var i = 0; i < _n; i++)
            {
                double residual = double.CreateChecked(b[i]), scale = 0;
                for (var j = 0; j < _n; j++)
                {
                    var aij = double.CreateChecked(at[i * _n + j]);
                    var xj = double.CreateChecked(x[j]);
                    residual = Math.FusedMultiplyAdd(-aij, xj, residual);
                    double utu = 0;
                    for (var k = 0; k <= Math.Min(i, j); k++)
                    {
                        utu += Math.Abs(u[k * _n + i] * u[k * _n + j]);
                    }

                    scale += (utu + Math.Abs(aij)) * Math.Abs(xj);
                }

                Assert.True(Math.Abs(residual) <= bound * scale, $"|b - Ax|[{i}] = {Math.Abs(residual):E3} > {bound:E3}·{scale:E3}");
            }
        }
    }

    public void VariantsAgree()
    {
        var random = new Random(_n * 41);
        var at = Matrices.To<T>(Matrices.RandomSpd(random, _n));
        var b = Matrices.To<T>(Matrices.RandomVector(random, _n));
        var factor = TKernel.Factor(at);
        Assert.True(TKernel.TryFactor(at, out var tried));
        Assert.Equal(UpperOf(factor), UpperOf(tried));

        // Solve(b, x) and Solve(b in place) run the same substitutions: identical bits.
        var x = new T[_n];
        factor.Solve(b, x);
        var inPlace = (T[])b.Clone();
        factor.Solve(inPlace);
        Assert.Equal(x, inPlace);

        // FactorInPlace leaves exactly U, with zeros below the diagonal.
        var work = (T[])at.Clone();
        Assert.True(TKernel.FactorInPlace(work));
        var u = UpperOf(factor);
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                Assert.Equal(j >= i ? u[i * _n + j] : 0.0, double.CreateChecked(work[i * _n + j]));
            }
        }

        // SolveFactored recomputes 1/u_jj from U; it agrees with Solve to a few roundings per step.
        var viaFactored = (T[])b.Clone();
        TKernel.SolveFactored(work, viaFactored);
        var bound = (4 * _n + 12) * U;
        var norm = Matrices.MaxAbs(x);
        for (var i = 0; i < _n; i++)
        {
            Assert.True(Math.Abs(double.CreateChecked(viaFactored[i] - x[i])) <= bound * norm * 4, $"SolveFactored differs at {i}");
        }

        // The span overload accepts a longer span and reads only the first n·n elements.
        var padded = new T[_n * _n + 3];
        at.CopyTo(padded, 0);
        padded[^1] = T.NaN;
        Assert.True(TKernel.TryFactor(padded, out var fromPadded));
        Assert.Equal(u, UpperOf(fromPadded));
    }

    public void DeterminantMatchesKnownValue()
    {
        var random = new Random(_n * 43);

        // A = L₀L₀ᵀ with L₀ = D + E, D = diag in [1, 2], |E_ij| ≤ 1/(2n): det A = Π d_j² exactly in double,
        // and ‖E‖₂ ≤ 1/2 keeps κ₂(A) ≤ (2.5 / 0.5)² = 25. With |ΔA| ≤ (2n + 8)u|Ûᵀ||Û| the computed
        // determinant is that of A + ΔA: relative error ≤ n·κ₂(A)·(2n + 8)u to first order.
        var l0 = new double[_n * _n];
        var exact = 1.0;
        for (var i = 0; i < _n; i++)
        {
            l0[i * _n + i] = 1 + random.NextDouble();
            exact *= l0[i * _n + i] * l0[i * _n + i];
            for (var j = 0; j < i; j++)
            {
                l0[i * _n + j] = (random.NextDouble() - 0.5) / _n;
            }
        }

        var a = Matrices.MultiplyByTranspose(l0, _n);
        var factor = TKernel.Factor(Matrices.To<T>(a));
        var bound = _n * 25 * (2 * _n + 8) * U + (typeof(T) == typeof(float) ? _n * 2 * U * 25 : 0);
        var det = double.CreateChecked(factor.Determinant());
        Assert.True(Math.Abs(det / exact - 1) <= bound, $"det = {det}, exact {exact}");
        var log = double.CreateChecked(factor.LogDeterminant());
        Assert.True(Math.Abs(log - Math.Log(exact)) <= bound, $"log det = {log}, exact {Math.Log(exact)}");
    }

    public void DeterminantSurvivesOverAndUnderflow()
    {
        // Diagonal matrices of powers of two: every pivot, square root and product is exact.
        var e = typeof(T) == typeof(float) ? 100 : 1000;
        var ln2 = Math.Log(2);
        var logBound = (2 * _n + 2) * U;

        // Alternating 2^e and 2^-e: det is exactly 1 (or 2^e for odd n), though a running product of the
        // squared pivots overflows after two steps.
        var alternating = Diagonal(j => j % 2 == 0 ? e : -e);
        var f = TKernel.Factor(alternating);
        var expectedExponent = _n % 2 == 1 ? e : 0;
        Assert.Equal(Math.Pow(2, expectedExponent), double.CreateChecked(f.Determinant()));
        Assert.True(Math.Abs(double.CreateChecked(f.LogDeterminant()) - (expectedExponent * ln2)) <= logBound * e * _n * ln2 + U);

        // Every pivot 2^e: det = 2^(e·n) overflows for n ≥ 2 (∞), while log det = e·n·ln 2 stays finite.
        var huge = TKernel.Factor(Diagonal(_ => e));
        var hugeDet = double.CreateChecked(huge.Determinant());
        if (_n >= 2)
        {
            Assert.Equal(double.PositiveInfinity, hugeDet);
        }
        else
        {
            Assert.Equal(Math.Pow(2, e), hugeDet);
        }

        var hugeLog = double.CreateChecked(huge.LogDeterminant());
        Assert.True(Math.Abs(hugeLog / (e * _n * ln2) - 1) <= logBound, $"log det = {hugeLog}");

        // Every pivot 2^-e: det underflows to 0 for n ≥ 2, log det = -e·n·ln 2.
        var tiny = TKernel.Factor(Diagonal(_ => -e));
        if (_n >= 2)
        {
            Assert.Equal(0.0, double.CreateChecked(tiny.Determinant()));
        }

        var tinyLog = double.CreateChecked(tiny.LogDeterminant());
        Assert.True(Math.Abs(tinyLog / (-e * _n * ln2) - 1) <= logBound, $"log det = {tinyLog}");
    }

    public void InverseIsAccurateAndSymmetric()
    {
        var random = new Random(_n * 47);
        var at = Matrices.To<T>(Matrices.RandomSpd(random, _n));
        var factor = TKernel.Factor(at);
        var inverse = new T[_n * _n];
        factor.Inverse(inverse);
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.Equal(inverse[j * _n + i], inverse[i * _n + j]);
            }
        }

        // Higham §14.2–14.3: X = Û⁻¹Û⁻ᵀ has residual ‖AX − I‖ ≤ c_n u‖A‖‖X‖ with c_n a small multiple of n
        // (triangular inversion n u, the product n u, the factor (2n + 8)u); 8n + 16 covers all three with the
        // evaluation of AX in double.
        double residual = 0, normA = 0, normX = 0;
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                double s = i == j ? -1 : 0;
                for (var k = 0; k < _n; k++)
                {
                    s = Math.FusedMultiplyAdd(double.CreateChecked(at[i * _n + k]), double.CreateChecked(inverse[k * _n + j]), s);
                }

                residual += s * s;
                normA += Math.Pow(double.CreateChecked(at[i * _n + j]), 2);
                normX += Math.Pow(double.CreateChecked(inverse[i * _n + j]), 2);
            }
        }

        var bound = (8 * _n + 16) * U * Math.Sqrt(normA) * Math.Sqrt(normX);
        Assert.True(Math.Sqrt(residual) <= bound, $"‖AX − I‖ = {Math.Sqrt(residual):E3} > {bound:E3}");
    }

    public void UpdateAndDowndateMatchDefinition()
    {
        var random = new Random(_n * 53);
        var a = Matrices.RandomSpd(random, _n);
        var x = Matrices.RandomVector(random, _n);
        var at = Matrices.To<T>(a);
        var xt = Matrices.To<T>(x);
        var factor = TKernel.Factor(at);
        factor.Update(xt);

        // A + x xᵀ from the T-valued inputs, exactly in double.
        var updated = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                updated[i * _n + j] = double.CreateChecked(at[i * _n + j]) + (double.CreateChecked(xt[i]) * double.CreateChecked(xt[j]));
            }
        }

        // Givens updates are backward stable (Higham §19.x, Stewart 1979): each of the n rotations perturbs
        // an entry by O(u) relative to the entries it combines, on top of the factor's (2n + 8)u: 8n + 16.
        AssertFactorOf(factor, updated, (8 * _n + 16) * U, "Update");

        // Downdating the same x returns to A; x is scaled so that ‖U⁻ᵀx‖ stays well below 1.
        Assert.True(factor.Downdate(xt), "downdating the vector just added must succeed");
        AssertFactorOf(factor, Matrices.From(at), (16 * _n + 32) * U, "Update then Downdate");

        // A direct downdate by a small vector agrees with the definition too.
        var small = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            small[i] = x[i] * 0.25;
        }

        var smallT = Matrices.To<T>(small);
        var fresh = TKernel.Factor(at);
        Assert.True(fresh.Downdate(smallT));
        var downdated = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                downdated[i * _n + j] = double.CreateChecked(at[i * _n + j]) - (double.CreateChecked(smallT[i]) * double.CreateChecked(smallT[j]));
            }
        }

        AssertFactorOf(fresh, downdated, (16 * _n + 32) * U, "Downdate");
    }

    public void DowndateRejectsIndefiniteResult()
    {
        var random = new Random(_n * 59);
        var at = Matrices.To<T>(Matrices.RandomSpd(random, _n));
        var factor = TKernel.Factor(at);
        var before = UpperOf(factor);

        // x = 1.01·√a₀₀·e₀ makes the (0,0) entry of A − x xᵀ negative.
        var x = new T[_n];
        x[0] = T.CreateChecked(1.01 * Math.Sqrt(double.CreateChecked(at[0])));
        Assert.False(factor.Downdate(x));
        Assert.Equal(before, UpperOf(factor));

        x[0] = T.NaN;
        Assert.False(factor.Downdate(x));
        Assert.Equal(before, UpperOf(factor));

        Assert.Throws<ArgumentException>("x", () => factor.Update(x));
        Assert.Equal(before, UpperOf(factor));
    }

    public void NotPositiveDefiniteFailsAtTheRightColumn()
    {
        var random = new Random(_n * 61);
        for (var k = 0; k < _n; k++)
        {
            // Leading k×k block positive definite, then a Schur complement of exactly -1 at column k.
            var l0 = new double[_n * _n];
            for (var i = 0; i < _n; i++)
            {
                l0[i * _n + i] = i == k ? 0 : 1 + random.Next(2);
                for (var j = 0; j < i; j++)
                {
                    l0[i * _n + j] = random.Next(-1, 2) * 0.5;
                }
            }

            var a = Matrices.MultiplyByTranspose(l0, _n);
            a[k * _n + k] -= 1;
            var at = Matrices.To<T>(a);
            Assert.False(TKernel.TryFactor(at, out var factor));
            Assert.Throws<InvalidOperationException>(() => factor.Determinant());
            var ex = Assert.Throws<FactorizationException>(() => TKernel.Factor(at));
            Assert.Equal(k, ex.Step);
            Assert.Equal(Kind.Cholesky, ex.Kind);
            Assert.Contains("Cholesky", ex.Message);
            Assert.Contains($"{_n}×{_n}", ex.Message);
            Assert.Contains($"column {k}", ex.Message);
            Assert.False(TKernel.FactorInPlace((T[])at.Clone()));
        }

        Assert.False(TKernel.TryFactor(new T[_n * _n], out _));
    }

    public void NonFiniteInputIsRejected()
    {
        var random = new Random(_n * 67);
        var at = Matrices.To<T>(Matrices.RandomSpd(random, _n));
        foreach (var bad in new[] { T.NaN, T.PositiveInfinity, T.NegativeInfinity })
        {
            for (var index = 0; index < _n * _n; index += Math.Max(1, _n - 1))
            {
                var copy = (T[])at.Clone();
                copy[index] = bad;
                Assert.False(TKernel.TryFactor(copy, out _), $"{bad} at {index} must be rejected");
                Assert.False(TKernel.FactorInPlace(copy));
                var ex = Assert.Throws<FactorizationException>(() => TKernel.Factor(copy));
                Assert.Equal(-1, ex.Step);
                Assert.Contains("NaN", ex.Message);
            }
        }
    }

    public void ShortSpansThrowNamingTheParameter()
    {
        var at = Matrices.To<T>(Matrices.RandomSpd(new Random(_n), _n));
        var shortMatrix = new T[_n * _n - 1];
        var shortVector = new T[_n - 1];
        Assert.Throws<ArgumentException>("a", () => TKernel.TryFactor(shortMatrix, out _));
        Assert.Throws<ArgumentException>("a", () => TKernel.Factor(shortMatrix));
        Assert.Throws<ArgumentException>("a", () => TKernel.FactorInPlace(shortMatrix));
        Assert.Throws<ArgumentException>("u", () => TKernel.SolveFactored(shortMatrix, new T[_n]));
        Assert.Throws<ArgumentException>("b", () => TKernel.SolveFactored(at, shortVector));
        var factor = TKernel.Factor(at);
        Assert.Throws<ArgumentException>("b", () => factor.Solve(shortVector, new T[_n]));
        Assert.Throws<ArgumentException>("x", () => factor.Solve(new T[_n], shortVector));
        Assert.Throws<ArgumentException>("b", () => factor.Solve(shortVector));
        Assert.Throws<ArgumentException>("result", () => factor.Inverse(shortMatrix));
        Assert.Throws<ArgumentException>("destination", () => factor.CopyLowerTo(shortMatrix));
        Assert.Throws<ArgumentException>("x", () => factor.Update(shortVector));
        Assert.Throws<ArgumentException>("x", () => factor.Downdate(shortVector));
    }

    public void DefaultValueThrows()
    {
        var empty = default(TKernel);
        Assert.Throws<InvalidOperationException>(() => empty.Solve(new T[_n]));
        Assert.Throws<InvalidOperationException>(() => empty.Determinant());
        Assert.Throws<InvalidOperationException>(() => empty.Inverse(new T[_n * _n]));
    }

    public long AllocatedBytesPerCall()
    {
        var at = Matrices.To<T>(Matrices.RandomSpd(new Random(_n * 71), _n));
        var b = Matrices.To<T>(Matrices.RandomVector(new Random(_n), _n));
        var x = new T[_n];
        var inverse = new T[_n * _n];
        var work = new T[_n * _n];

        void Exercise()
        {
            var factor = TKernel.Factor(at);
            TKernel.TryFactor(at, out factor);
            factor.Solve(b, x);
            factor.Solve(x);
            factor.Determinant();
            factor.LogDeterminant();
            factor.Inverse(inverse);
            factor.CopyLowerTo(inverse);
            factor.Update(b);
            factor.Downdate(b);
            at.CopyTo(work, 0);
            TKernel.FactorInPlace(work);
            TKernel.SolveFactored(work, x);
        }

        return Allocations.Of(Exercise);
    }

    private T[] Diagonal(Func<int, int> exponent)
    {
        var a = new T[_n * _n];
        for (var j = 0; j < _n; j++)
        {
            a[j * _n + j] = T.CreateChecked(Math.Pow(2, exponent(j)));
        }

        return a;
    }

    /// <summary>U = Lᵀ read back through the public API, in double.</summary>
    private double[] UpperOf(TKernel factor)
    {
        var l = new T[_n * _n];
        factor.CopyLowerTo(l);
        var u = new double[_n * _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                Assert.True(j <= i || l[i * _n + j] == T.Zero, "L must be zero above the diagonal");
                u[j * _n + i] = double.CreateChecked(l[i * _n + j]);
            }
        }

        return u;
    }

    private void AssertFactorOf(TKernel factor, double[] a, double relative, string what)
    {
        var u = UpperOf(factor);
        double error = 0, scale = 0;
        for (var i = 0; i < _n; i++)
        {
            Assert.True(u[i * _n + i] > 0, $"{what}: the diagonal must stay positive");
            for (var j = 0; j < _n; j++)
            {
                double product = 0, magnitude = 0;
                for (var k = 0; k <= Math.Min(i, j); k++)
                {
                    product = Math.FusedMultiplyAdd(u[k * _n + i], u[k * _n + j], product);
                    magnitude += Math.Abs(u[k * _n + i] * u[k * _n + j]);
                }

                error += Math.Pow(a[i * _n + j] - product, 2);
                scale += Math.Pow(magnitude + Math.Abs(a[i * _n + j]), 2);
            }
        }

        Assert.True(Math.Sqrt(error) <= relative * Math.Sqrt(scale), $"{what}: ‖A − UᵀU‖ = {Math.Sqrt(error):E3} > {relative:E3}·{Math.Sqrt(scale):E3}");
    }
}
