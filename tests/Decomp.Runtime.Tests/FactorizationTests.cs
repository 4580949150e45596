using System;
using System.Numerics;
using Xunit;

namespace Decomp.Runtime.Tests;

public class FactorizationTests
{
    // LAPACK's test suite (dpot01, dget01) accepts ‖A − LLᵀ‖₁ / (n‖A‖₁u) and ‖PA − LU‖₁ / (n‖A‖₁u)
    // below 30. The worst-case bounds (Higham Thm 10.3, 9.3) are γ(n+1)·‖|L||Lᵀ|‖ and
    // γ(n)·‖|L||U|‖, i.e. c·n·u·‖A‖ times a growth term; 30 is that c with room for the residual's own
    // rounding, and the LU test divides by the growth ρ = max|U| / max|A| as the bound does.
    private const double BackwardErrorConstant = 30;

    // Orders around the 16-wide recursive leaves, the 128/256 block sizes and the 12 × 16 GEMM tile.
    public static TheoryData<int> Orders => new() { 0, 1, 2, 3, 7, 16, 17, 31, 64, 100, 127, 129, 255, 257, 300, 383, 513, 600 };

    public static TheoryData<int> FloatOrders => new() { 1, 5, 33, 129, 257, 400 };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Cholesky_Double_BackwardErrorIsSmall_WellAndIllConditioned(int n)
    {
        foreach (double condition in new[] { 10.0, 1e12 })
        {
            double[] a = TestMatrices.SymmetricWithEigenvalues(new Random(n), TestMatrices.Geometric(n, condition));
            CheckCholesky(TestMatrices.Convert<double>(a), n);
        }
    }

    [Theory]
    [MemberData(nameof(FloatOrders))]
    public void Cholesky_Float_BackwardErrorIsSmall_WellAndIllConditioned(int n)
    {
        foreach (double condition in new[] { 10.0, 1e5 })
        {
            double[] a = TestMatrices.SymmetricWithEigenvalues(new Random(n), TestMatrices.Geometric(n, condition));
            CheckCholesky(TestMatrices.Convert<float>(a), n);
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void LU_Double_BackwardErrorIsSmall_RandomSymmetricAndIllConditioned(int n)
    {
        var rng = new Random(n + 17);
        CheckLU(TestMatrices.Random<double>(rng, n, n), n);
        CheckLU(TestMatrices.Convert<double>(TestMatrices.SymmetricWithEigenvalues(rng, TestMatrices.Geometric(n, 100))), n);
        CheckLU(TestMatrices.Convert<double>(TestMatrices.GeneralWithSingularValues(rng, TestMatrices.Geometric(n, 1e12))), n);
    }

    [Theory]
    [MemberData(nameof(FloatOrders))]
    public void LU_Float_BackwardErrorIsSmall_RandomAndIllConditioned(int n)
    {
        var rng = new Random(n + 17);
        CheckLU(TestMatrices.Random<float>(rng, n, n), n);
        CheckLU(TestMatrices.Convert<float>(TestMatrices.GeneralWithSingularValues(rng, TestMatrices.Geometric(n, 1e5))), n);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(40, 0)]
    [InlineData(300, 270)]
    [InlineData(600, 599)]
    public void Cholesky_NotPositiveDefinite_ThrowsNamingTheFailingColumn(int n, int column)
    {
        // Zeroing a diagonal entry of an SPD matrix makes the Schur complement at that column
        // −aᵀA₁₁⁻¹a < 0 while every leading minor before it stays positive definite.
        double[] a = TestMatrices.SymmetricWithEigenvalues(new Random(n), TestMatrices.Geometric(n, 10));
        a[column * n + column] = 0;
        Matrix<double> m = FromSpan(a, n);
        FactorizationException e = Assert.Throws<FactorizationException>(() => m.Cholesky());
        Assert.Equal(Kind.Cholesky, e.Kind);
        Assert.Equal(column, e.Step);
        Assert.Contains($"column {column}", e.Message);
        Assert.Equal(column, DenseFactor.CholeskyInPlace<double>(a, n, n));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(6, 2)]
    [InlineData(200, 131)]
    [InlineData(520, 519)]
    public void LU_ExactlySingular_ThrowsNamingTheFirstZeroPivotColumn(int n, int column)
    {
        // A zero column stays exactly zero under elimination, so its pivot is exactly zero.
        double[] a = TestMatrices.Random<double>(new Random(n), n, n);
        for (int i = 0; i < n; i++)
        {
            a[i * n + column] = 0;
        }

        FactorizationException e = Assert.Throws<FactorizationException>(() => FromSpan(a, n).LU());
        Assert.Equal(Kind.LU, e.Kind);
        Assert.Equal(column, e.Step);
        Assert.Equal(column, DenseFactor.LUInPlace<double>(a, n, n, new int[n]));
    }

    [Fact]
    public void LU_RankDeficientIntegerMatrix_IsReportedSingular()
    {
        // Step 0 pivots on row 1 and leaves row 0 − row 1/2 = 0 exactly; step 1 pivots on row 2; step 2 meets the zero row.
        var m = Matrix<double>.FromArray(new double[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 1, 0, 1 } });
        Assert.Equal(2, Assert.Throws<FactorizationException>(() => m.LU()).Step);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteInput_IsRejectedBeforeFactoring(double bad)
    {
        double[] a = TestMatrices.SymmetricWithEigenvalues(new Random(3), TestMatrices.Geometric(30, 10));
        a[17 * 30 + 4] = bad;
        Matrix<double> m = FromSpan(a, 30);
        FactorizationException chol = Assert.Throws<FactorizationException>(() => m.Cholesky());
        FactorizationException lu = Assert.Throws<FactorizationException>(() => m.LU());
        Assert.Equal(-1, chol.Step);
        Assert.Equal(-1, lu.Step);
        Assert.Throws<FactorizationException>(() => FromSpan(new[] { float.NaN }, 1).Cholesky());
    }

    [Fact]
    public void NonSquare_IsRejected()
    {
        Assert.Throws<FactorizationException>(() => new Matrix<double>(3, 2).LU());
        Assert.Throws<FactorizationException>(() => new Matrix<float>(2, 3).Cholesky());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 5)]
    [InlineData(150, 37)]
    [InlineData(333, 200)]
    public void Solve_ManyRightHandSides_ResidualIsWithinBackwardErrorBound(int n, int k)
    {
        var rng = new Random(n * 3 + k);
        double[] spd = TestMatrices.SymmetricWithEigenvalues(rng, TestMatrices.Geometric(n, 1e6));
        double[] general = TestMatrices.GeneralWithSingularValues(rng, TestMatrices.Geometric(n, 1e6));
        double[] b = TestMatrices.Random<double>(rng, n, k);
        var bm = new Matrix<double>(n, k);
        b.CopyTo(bm.AsSpan());

        CheckSolution(spd, n, FromSpan(spd, n).Cholesky().Solve(bm), b, k);
        CheckSolution(general, n, FromSpan(general, n).LU().Solve(bm), b, k);

        // One vector: the dedicated O(n²) path.
        double[] x = new double[n];
        FromSpan(general, n).LU().Solve(b.AsSpan(0, n).ToArray().AsSpan(0, n), x);
        var column = new double[n];
        for (int i = 0; i < n; i++)
        {
            column[i] = b[i * k];
        }

        FromSpan(general, n).LU().Solve(column, x);
        CheckSolution(general, n, FromSpan(x, n, 1), column, 1);
        FromSpan(spd, n).Cholesky().Solve(column, x);
        CheckSolution(spd, n, FromSpan(x, n, 1), column, 1);
    }

    [Fact]
    public void Solve_FloatManyRightHandSides_ResidualIsSmall()
    {
        int n = 140, k = 9;
        var rng = new Random(5);
        float[] a = TestMatrices.Convert<float>(TestMatrices.GeneralWithSingularValues(rng, TestMatrices.Geometric(n, 100)));
        float[] b = TestMatrices.Random<float>(rng, n, k);
        var bm = new Matrix<float>(n, k);
        b.CopyTo(bm.AsSpan());
        Matrix<float> x = FromSpan(a, n).LU().Solve(bm);
        CheckSolution(TestMatrices.ToDouble(a), n, FromSpan(TestMatrices.ToDouble(x.AsSpan().ToArray()), n, k), TestMatrices.ToDouble(b), k, TestMatrices.UnitRoundoff<float>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(90)]
    [InlineData(260)]
    public void ReciprocalCondition_IsWithinFactorTenOfTheTruth(int n)
    {
        foreach (double condition in new[] { 1e2, 1e6, 1e10 })
        {
            var rng = new Random(n + (int)Math.Log10(condition));
            double[] spd = TestMatrices.SymmetricWithEigenvalues(rng, TestMatrices.Geometric(n, condition));
            double[] general = TestMatrices.GeneralWithSingularValues(rng, TestMatrices.Geometric(n, condition));
            CholeskyFactorization<double> chol = FromSpan(spd, n).Cholesky();
            LUFactorization<double> lu = FromSpan(general, n).LU();

            // The truth from the explicit inverse: 1 / (‖A‖₁‖A⁻¹‖₁).
            double cholTrue = 1 / (TestMatrices.OneNorm(spd, n, n) * TestMatrices.OneNorm(chol.Inverse().AsSpan().ToArray(), n, n));
            double luTrue = 1 / (TestMatrices.OneNorm(general, n, n) * TestMatrices.OneNorm(lu.Inverse().AsSpan().ToArray(), n, n));
            AssertWithinFactor(cholTrue, chol.ReciprocalCondition(), 10);
            AssertWithinFactor(luTrue, lu.ReciprocalCondition(), 10);
        }
    }

    [Fact]
    public void ReciprocalCondition_Float_IsWithinFactorTenOfTheTruth()
    {
        int n = 70;
        double[] general = TestMatrices.GeneralWithSingularValues(new Random(9), TestMatrices.Geometric(n, 1e3));
        LUFactorization<float> lu = FromSpan(TestMatrices.Convert<float>(general), n).LU();
        double truth = 1 / (TestMatrices.OneNorm(general, n, n) * TestMatrices.OneNorm(TestMatrices.ToDouble(lu.Inverse().AsSpan().ToArray()), n, n));
        AssertWithinFactor(truth, lu.ReciprocalCondition(), 10);
    }

    [Fact]
    public void Determinant_SmallKnownMatrices()
    {
        var swap = Matrix<double>.FromArray(new double[,] { { 0, 1 }, { 1, 0 } });
        Assert.Equal(-1, swap.LU().Determinant());
        Assert.Equal(0, swap.LU().LogDeterminant());
        var spd = Matrix<double>.FromArray(new double[,] { { 4, 2 }, { 2, 3 } });
        Assert.Equal(8, spd.Cholesky().Determinant(), 12);
        Assert.Equal(8, spd.LU().Determinant(), 12);
        Assert.Equal(Math.Log(8), spd.Cholesky().LogDeterminant(), 12);
        var f = Matrix<float>.FromArray(new float[,] { { 2, 0, 1 }, { 1, 3, 0 }, { 0, 1, 4 } });
        Assert.Equal(25f, f.LU().Determinant(), 4);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(400)]
    public void LogDeterminant_IsASumOfLogs_FiniteWhereTheDeterminantUnderflows(int n)
    {
        // A = 2⁻⁸·Q·diag(d)·Qᵀ: scaling by a power of two is exact, so log det = Σ log d + n·log 2⁻⁸
        // while det = 2⁻⁸ⁿ·Π d underflows for n = 400. Each d (κ = 100) is perturbed by O(u·κ) relative,
        // so the sum of logs is good to about n·κ·u ≈ 1e-11; 1e-9 leaves margin.
        double[] d = TestMatrices.Geometric(n, 100);
        double expected = n * Math.Log(Math.ScaleB(1, -8));
        foreach (double x in d)
        {
            expected += Math.Log(x);
        }

        var rng = new Random(n);
        double[] spd = TestMatrices.SymmetricWithEigenvalues(rng, d);
        double[] general = TestMatrices.GeneralWithSingularValues(rng, d);
        for (int i = 0; i < n * n; i++)
        {
            spd[i] = Math.ScaleB(spd[i], -8);
            general[i] = Math.ScaleB(general[i], -8);
        }

        CholeskyFactorization<double> chol = FromSpan(spd, n).Cholesky();
        LUFactorization<double> lu = FromSpan(general, n).LU();
        Assert.Equal(expected, chol.LogDeterminant(), n * 1e-9);
        Assert.Equal(expected, lu.LogDeterminant(), n * 1e-9);
        if (n == 400)
        {
            Assert.Equal(0, chol.Determinant());
            Assert.Equal(0, lu.Determinant());
        }
        else
        {
            Assert.Equal(Math.Exp(expected), chol.Determinant(), Math.Exp(expected) * 1e-9);
            Assert.Equal(Math.Exp(expected), Math.Abs(lu.Determinant()), Math.Exp(expected) * 1e-9);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(130)]
    public void Inverse_TimesMatrix_IsIdentityWithinConditionBound(int n)
    {
        double condition = 1e4;
        var rng = new Random(n);
        double[] spd = TestMatrices.SymmetricWithEigenvalues(rng, TestMatrices.Geometric(n, condition));
        double[] general = TestMatrices.GeneralWithSingularValues(rng, TestMatrices.Geometric(n, condition));
        double u = TestMatrices.UnitRoundoff<double>();

        // ‖AX − I‖₁ ≤ c·n·u·κ₁(A) for a backward-stable inverse; c = 30 as above, κ₁ ≤ n·κ₂.
        double bound = BackwardErrorConstant * n * u * condition * n;
        Assert.True(IdentityResidual(spd, FromSpan(spd, n).Cholesky().Inverse().AsSpan().ToArray(), n) <= bound);
        Assert.True(IdentityResidual(general, FromSpan(general, n).LU().Inverse().AsSpan().ToArray(), n) <= bound);
    }

    [Fact]
    public void Factors_AreExposed_AndReproduceTheMatrix()
    {
        var a = Matrix<double>.FromArray(new double[,] { { 1, 2, 0 }, { 4, 1, 3 }, { 2, 2, 2 } });
        LUFactorization<double> lu = a.LU();
        // Step 0 takes row 1 (|4|); then 1.75 in place beats 1.5.
        Assert.Equal(new[] { 1, 1, 2 }, lu.Pivots.ToArray());
        double[] l = new double[9], up = new double[9];
        lu.CopyLowerTo(l);
        lu.CopyUpperTo(up);
        double[] pa = { 4, 1, 3, 1, 2, 0, 2, 2, 2 };
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double s = 0;
                for (int p = 0; p < 3; p++)
                {
                    s += l[i * 3 + p] * up[p * 3 + j];
                }

                Assert.Equal(pa[i * 3 + j], s, 14);
            }
        }

        var spd = Matrix<float>.FromArray(new float[,] { { 4, 2 }, { 2, 5 } });
        float[] lc = new float[4];
        spd.Cholesky().CopyLowerTo(lc);
        Assert.Equal(new float[] { 2, 0, 1, 2 }, lc);
    }

    internal static Matrix<T> FromSpan<T>(T[] a, int n, int columns = -1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = new Matrix<T>(n, columns < 0 ? n : columns);
        a.AsSpan(0, m.Rows * m.Columns).CopyTo(m.AsSpan());
        return m;
    }

    private static void AssertWithinFactor(double truth, double estimate, double factor)
        => Assert.True(estimate >= truth / factor && estimate <= truth * factor, $"estimate {estimate:E3}, truth {truth:E3}");

    private static double IdentityResidual(double[] a, double[] x, int n)
    {
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < n; p++)
            {
                double aip = a[i * n + p];
                for (int j = 0; j < n; j++)
                {
                    r[i * n + j] += aip * x[p * n + j];
                }
            }

            r[i * n + i] -= 1;
        }

        return TestMatrices.OneNorm(r, n, n);
    }

    private static void CheckSolution(double[] a, int n, Matrix<double> x, double[] b, int k, double u = 0)
    {
        if (u == 0)
        {
            u = TestMatrices.UnitRoundoff<double>();
        }

        // Normwise backward error ‖AX − B‖₁ / (‖A‖₁‖X‖₁ + ‖B‖₁) of a stable solve is c·n·u (Higham §7.1), c = 30.
        double[] xs = x.AsSpan().ToArray();
        double[] r = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < n; p++)
            {
                for (int j = 0; j < k; j++)
                {
                    r[i * k + j] += a[i * n + p] * xs[p * k + j];
                }
            }

            for (int j = 0; j < k; j++)
            {
                r[i * k + j] -= b[i * k + j];
            }
        }

        double eta = TestMatrices.OneNorm(r, n, k) / (TestMatrices.OneNorm(a, n, n) * TestMatrices.OneNorm(xs, n, k) + TestMatrices.OneNorm(b, n, k));
        Assert.True(eta <= BackwardErrorConstant * n * u, $"backward error {eta:E3}");
    }

    private static void CheckCholesky<T>(T[] a, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] l = (T[])a.Clone();
        Assert.Equal(-1, DenseFactor.CholeskyInPlace<T>(l, n, Math.Max(1, n)));

        // The strictly upper triangle is neither read nor written.
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                Assert.Equal(a[i * n + j], l[i * n + j]);
            }
        }

        double[] ad = TestMatrices.ToDouble(a), ld = TestMatrices.ToDouble(l);
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int p = 0; p <= j; p++)
                {
                    s += ld[i * n + p] * ld[j * n + p];
                }

                r[i * n + j] = r[j * n + i] = ad[i * n + j] - s;
            }
        }

        AssertBackwardError(TestMatrices.OneNorm(r, n, n), TestMatrices.OneNorm(ad, n, n), 1, n, TestMatrices.UnitRoundoff<T>());
    }

    private static void CheckLU<T>(T[] a, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] f = (T[])a.Clone();
        int[] pivots = new int[n];
        Assert.Equal(-1, DenseFactor.LUInPlace<T>(f, n, Math.Max(1, n), pivots));

        // P·A: apply the exchanges in order.
        double[] pa = TestMatrices.ToDouble(a), fd = TestMatrices.ToDouble(f);
        for (int i = 0; i < n; i++)
        {
            Assert.InRange(pivots[i], i, n - 1);
            for (int j = 0; j < n; j++)
            {
                (pa[i * n + j], pa[pivots[i] * n + j]) = (pa[pivots[i] * n + j], pa[i * n + j]);
            }
        }

        double maxA = 0, maxU = 0;
        foreach (T x in a)
        {
            maxA = Math.Max(maxA, Math.Abs(double.CreateTruncating(x)));
        }

        double[] r = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (j >= i)
                {
                    maxU = Math.Max(maxU, Math.Abs(fd[i * n + j]));
                }

                // (L·U)(i, j) = Σ_{p < min(i, j)} l(i,p)·u(p,j) + (i ≤ j ? u(i,j) : l(i,j)·u(j,j)).
                int top = Math.Min(i, j);
                double s = i <= j ? fd[i * n + j] : fd[i * n + j] * fd[j * n + j];
                for (int p = 0; p < top; p++)
                {
                    s += fd[i * n + p] * fd[p * n + j];
                }

                r[i * n + j] = pa[i * n + j] - s;
            }
        }

        double growth = n == 0 ? 1 : Math.Max(1, maxU / maxA);
        AssertBackwardError(TestMatrices.OneNorm(r, n, n), TestMatrices.OneNorm(pa, n, n), growth, n, TestMatrices.UnitRoundoff<T>());
    }

    private static void AssertBackwardError(double residual, double norm, double growth, int n, double u)
    {
        if (n == 0)
        {
            return;
        }

        double ratio = residual / (norm * growth * n * u);
        Assert.True(ratio <= BackwardErrorConstant, $"n = {n}: ‖residual‖ / (ρ·n·u·‖A‖) = {ratio:F2}");
    }
}
