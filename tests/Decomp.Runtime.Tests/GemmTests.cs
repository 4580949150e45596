using System;
using System.Numerics;
using CsCheck;
using Decomp.Blas;
using Xunit;

namespace Decomp.Runtime.Tests;

public class GemmTests
{
    // Shapes straddling the register tile (12 × 16/32), the KC depth (256/512) and the MC block.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 17, 3 }, { 13, 1, 5 }, { 11, 15, 1 }, { 12, 16, 256 }, { 13, 17, 257 },
        { 25, 33, 7 }, { 37, 41, 300 }, { 100, 3, 99 }, { 3, 100, 513 }, { 145, 97, 61 },
        { 191, 223, 129 }, { 299, 271, 283 }, { 7, 300, 290 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gemm_Double_MatchesNaiveLoop_ForEveryTransposeCombination(int m, int n, int k)
    {
        foreach (Transpose ta in new[] { Transpose.None, Transpose.Transpose })
        {
            foreach (Transpose tb in new[] { Transpose.None, Transpose.Transpose })
            {
                CheckGemm<double>(new Random(m * 7919 + n * 31 + k), ta, tb, m, n, k, -1.0, extraLd: 3);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gemm_Float_MatchesNaiveLoop_ForEveryTransposeCombination(int m, int n, int k)
    {
        foreach (Transpose ta in new[] { Transpose.None, Transpose.Transpose })
        {
            foreach (Transpose tb in new[] { Transpose.None, Transpose.Transpose })
            {
                CheckGemm<float>(new Random(m * 7919 + n * 31 + k), ta, tb, m, n, k, 0.5f, extraLd: 0);
            }
        }
    }

    [Fact]
    public void Gemm_RandomShapes_MatchNaiveLoop()
    {
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 300], Gen.Int[1, 300], Gen.Int[0, 3], Gen.Int[0, 5])
            .Sample((m, n, k, t, ld) => CheckGemm<double>(
                new Random(m ^ (n << 9) ^ (k << 18)),
                (t & 1) == 0 ? Transpose.None : Transpose.Transpose,
                (t & 2) == 0 ? Transpose.None : Transpose.Transpose,
                m, n, k, 1.5, ld), iter: 40, threads: 1);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(13, 9)]
    [InlineData(50, 300)]
    [InlineData(211, 77)]
    [InlineData(300, 260)]
    public void SyrkLower_UpdatesLowerTriangle_AndLeavesUpperUntouched(int n, int k)
    {
        var rng = new Random(n + 1000 * k);
        double[] a = TestMatrices.Random<double>(rng, n, k);
        double[] c = TestMatrices.Random<double>(rng, n, n);
        double[] c0 = (double[])c.Clone();
        DenseBlas.SyrkLower(n, k, -1.0, a, k, c, n);
        double u = TestMatrices.UnitRoundoff<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (j > i)
                {
                    Assert.Equal(c0[i * n + j], c[i * n + j]);
                    continue;
                }

                double exact = c0[i * n + j], magnitude = Math.Abs(exact);
                for (int p = 0; p < k; p++)
                {
                    exact -= a[i * k + p] * a[j * k + p];
                    magnitude += Math.Abs(a[i * k + p] * a[j * k + p]);
                }

                // Both sums carry at most γ(k+1)·(|C| + |A||Aᵀ|) error (Higham, Thm 3.5).
                Assert.True(Math.Abs(c[i * n + j] - exact) <= 2 * (k + 2) * u * magnitude, $"({i},{j})");
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(16, 40)]
    [InlineData(17, 1)]
    [InlineData(70, 33)]
    [InlineData(257, 129)]
    public void Trsm_EverySideTriangleTransposeDiagonal_HasSmallResidual(int m, int n)
    {
        foreach (Side side in new[] { Side.Left, Side.Right })
        {
            foreach (Triangle tri in new[] { Triangle.Lower, Triangle.Upper })
            {
                foreach (Transpose tr in new[] { Transpose.None, Transpose.Transpose })
                {
                    foreach (Diagonal dg in new[] { Diagonal.NonUnit, Diagonal.Unit })
                    {
                        CheckTrsm(new Random(m * 31 + n), side, tri, tr, dg, m, n);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(16, 37)]
    [InlineData(48, 5)]
    [InlineData(64, 130)]
    [InlineData(100, 37)]
    [InlineData(200, 9)]
    public unsafe void Trsm_InvertedLeaves_EveryTriangleAndDiagonal_HasSmallNormwiseResidual(int m, int n)
    {
        // The Cholesky-only path (B's columns contiguous, leaves applied as T⁻¹): only normwise
        // stable, so the triangle is kept well conditioned (off-diagonal entries O(1/m)).
        foreach (bool lower in new[] { true, false })
        {
            foreach (bool unit in new[] { false, true })
            {
                var rng = new Random(m * 7 + n);
                int ldt = m + 3, ldb = m + 5;
                double[] t = TestMatrices.Random<double>(rng, m, m, ldt);
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        t[i * ldt + j] = i == j ? 2 + rng.NextDouble() : t[i * ldt + j] / m;
                    }
                }

                // B(i, j) = bt[j·ldb + i]: column j of B is row j of bt.
                double[] bt = TestMatrices.Random<double>(rng, n, m, ldb);
                double[] x = (double[])bt.Clone();
                fixed (double* pt = t, px = x)
                {
                    TriangularSolver.Left(lower, unit, m, n, pt, ldt, 1, px, 1, ldb, invertLeaves: true);
                }

                double u = TestMatrices.UnitRoundoff<double>();
                for (int j = 0; j < n; j++)
                {
                    double residual = 0, tNorm = 0, xNorm = 0;
                    for (int i = 0; i < m; i++)
                    {
                        double s = 0, rowSum = 0;
                        for (int p = 0; p < m; p++)
                        {
                            double tip = p == i ? (unit ? 1 : t[i * ldt + p]) : (lower ? p < i : p > i) ? t[i * ldt + p] : 0;
                            s += tip * x[j * ldb + p];
                            rowSum += Math.Abs(tip);
                        }

                        residual = Math.Max(residual, Math.Abs(s - bt[j * ldb + i]));
                        tNorm = Math.Max(tNorm, rowSum);
                        xNorm = Math.Max(xNorm, Math.Abs(x[j * ldb + i]));
                    }

                    Assert.True(residual <= 4 * (m + 2) * u * tNorm * xNorm, $"lower {lower} unit {unit} column {j}: residual {residual:E3}");
                }

                // Padding between the columns of B is untouched.
                for (int j = 0; j < n; j++)
                {
                    for (int i = m; i < ldb && j * ldb + i < x.Length; i++)
                    {
                        Assert.Equal(bt[j * ldb + i], x[j * ldb + i]);
                    }
                }
            }
        }
    }

    private static void CheckTrsm(Random rng, Side side, Triangle tri, Transpose tr, Diagonal dg, int m, int n)
    {
        int order = side == Side.Left ? m : n;
        int ldt = order + 2;
        double[] t = TestMatrices.Random<double>(rng, order, order, ldt);
        for (int i = 0; i < order; i++)
        {
            t[i * ldt + i] = 2 + rng.NextDouble();
        }

        double[] b = TestMatrices.Random<double>(rng, m, n);
        double[] x = (double[])b.Clone();
        DenseBlas.Trsm(side, tri, tr, dg, m, n, t, ldt, x, n);

        // The triangle as used: op(T) with the other triangle zero, unit diagonal if asked.
        double Op(int i, int j)
        {
            (int r, int c) = tr == Transpose.Transpose ? (j, i) : (i, j);
            if (r == c)
            {
                return dg == Diagonal.Unit ? 1 : t[r * ldt + c];
            }

            bool stored = tri == Triangle.Lower ? r > c : r < c;
            return stored ? t[r * ldt + c] : 0;
        }

        double u = TestMatrices.UnitRoundoff<double>();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double product = 0, magnitude = 0;
                for (int p = 0; p < order; p++)
                {
                    double term = side == Side.Left ? Op(i, p) * x[p * n + j] : x[i * n + p] * Op(p, j);
                    product += term;
                    magnitude += Math.Abs(term);
                }

                // Substitution is backward stable: |op(T)X − B| ≤ γ(order)|op(T)||X| (Higham, Thm 8.5);
                // the residual's own evaluation adds another γ(order). Factor 2 covers both.
                Assert.True(
                    Math.Abs(product - b[i * n + j]) <= 2 * (order + 2) * u * magnitude,
                    $"{side} {tri} {tr} {dg} ({i},{j}): {product} vs {b[i * n + j]}");
            }
        }
    }

    private static void CheckGemm<T>(Random rng, Transpose ta, Transpose tb, int m, int n, int k, T alpha, int extraLd)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool transA = ta == Transpose.Transpose, transB = tb == Transpose.Transpose;
        int lda = (transA ? m : k) + extraLd, ldb = (transB ? k : n) + extraLd, ldc = n + extraLd;
        T[] a = TestMatrices.Random<T>(rng, transA ? k : m, transA ? m : k, lda);
        T[] b = TestMatrices.Random<T>(rng, transB ? n : k, transB ? k : n, ldb);
        T[] c = TestMatrices.Random<T>(rng, m, n, ldc);
        T[] c0 = (T[])c.Clone();
        DenseBlas.Gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, c, ldc);

        double u = TestMatrices.UnitRoundoff<T>();
        double al = double.CreateTruncating(alpha);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double exact = double.CreateTruncating(c0[i * ldc + j]);
                double magnitude = Math.Abs(exact);
                for (int p = 0; p < k; p++)
                {
                    double x = double.CreateTruncating(transA ? a[p * lda + i] : a[i * lda + p]);
                    double y = double.CreateTruncating(transB ? b[j * ldb + p] : b[p * ldb + j]);
                    exact += al * x * y;
                    magnitude += Math.Abs(al * x * y);
                }

                // Any order of k fused multiply-adds plus the final add errs by at most γ(k+1)·(|C| + |α||A||B|)
                // (Higham, Thm 3.5); the double reference adds its own, smaller, γ(k+1): hence 2(k+2)u.
                double error = Math.Abs(double.CreateTruncating(c[i * ldc + j]) - exact);
                Assert.True(error <= 2 * (k + 2) * u * magnitude, $"{typeof(T).Name} {ta}/{tb} {m}x{n}x{k} ({i},{j}): error {error:E3}, bound {2 * (k + 2) * u * magnitude:E3}");
            }

            // Padding between rows (leading dimension) stays untouched.
            for (int j = n; j < ldc && i < m - 1; j++)
            {
                Assert.Equal(c0[i * ldc + j], c[i * ldc + j]);
            }
        }
    }
}
