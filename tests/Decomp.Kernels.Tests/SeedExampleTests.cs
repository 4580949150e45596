using System;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>The worked examples of the seed lesson (shared/seeds), reproduced by the generated kernels.</summary>
public sealed class SeedExampleTests
{
    private static readonly double[] SeedMatrix =
    [
        6, 3, 4, 8,
        3, 6, 5, 1,
        4, 5, 10, 7,
        8, 1, 7, 25,
    ];

    [Fact]
    public void SeedCholesky_MatchesTheLessonsFactorAndSolution()
    {
        var factor = CholD4.Factor(SeedMatrix);
        var l = new double[16];
        factor.CopyLowerTo(l);

        // numpy.linalg.cholesky(A) as printed in the lesson, 8 decimals.
        double[] expectedL =
        [
            2.44948974, 0, 0, 0,
            1.22474487, 2.12132034, 0, 0,
            1.63299316, 1.41421356, 2.30940108, 0,
            3.26598632, -1.41421356, 1.58771324, 3.13249102,
        ];
        for (var k = 0; k < 16; k++)
        {
            Assert.Equal(expectedL[k], l[k], 8);
        }

        var x = new double[4];
        factor.Solve([1, 2, 3, 4], x);
        double[] expectedX = [-0.48619958, 0.48195329, 0.05732484, 0.28025478];
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(expectedX[k], x[k], 8);
        }
    }

    [Fact]
    public void SeedProblem1_HasTheExactRationalSolution()
    {
        // A x = b with A = [[4,1,1,0],[1,3,0,1],[1,0,2,0],[0,1,0,2]], b = [6,6,5,5]: x = (21, 35, 67, 60)/31.
        double[] a = [4, 1, 1, 0, 1, 3, 0, 1, 1, 0, 2, 0, 0, 1, 0, 2];
        var x = new double[4];
        CholD4.Factor(a).Solve([6, 6, 5, 5], x);
        double[] exact = [21.0 / 31, 35.0 / 31, 67.0 / 31, 60.0 / 31];

        // κ₁(A) < 10 and the solve is backward stable to (4n + 12)u: forward error well below 1e-14.
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(exact[k], x[k], 14);
        }
    }

    /// <summary>
    /// The seed's §5, rank-revealing QR: a 20×8 matrix U·S·Vᵀ with U, V random orthogonal (fixed seed) and singular values
    /// 100, 10, 1, 0.1 and then zeros. Column pivoting exposes the rank where |r_kk| drops: rank 4 at the default tolerance.
    /// The basic solution leaves the four unknowns pivoted last at zero and still attains the least-squares optimum.
    /// </summary>
    [Fact]
    public void SeedRankRevealingQR_FindsRank4_AndTheBasicSolutionIsOptimal()
    {
        const int m = 20, n = 8;
        var random = new Random(42);
        var a = Matrices.WithSingularValues(random, m, n, [100, 10, 1, 0.1, 0, 0, 0, 0]);
        var factor = PivotedQRD20x8.Factor(a);
        Assert.Equal(4, factor.Rank());

        // The diagonal drops where the singular values end: |r_33| stays within a small factor of σ₄ = 10⁻³σ₁ (checked:
        // ≥ 10⁻⁴|r_00|), while |r_44| is only the rounding of A (checked: ≤ 10⁻¹³|r_00|).
        var r = new double[n * n];
        factor.CopyRTo(r);
        Assert.True(Math.Abs(r[3 * n + 3]) >= 1e-4 * Math.Abs(r[0]), $"|r_33| = {Math.Abs(r[3 * n + 3]):E3}");
        Assert.True(Math.Abs(r[4 * n + 4]) <= 1e-13 * Math.Abs(r[0]), $"|r_44| = {Math.Abs(r[4 * n + 4]):E3}");

        var b = Matrices.RandomVector(random, m);
        var x = new double[n];
        factor.Solve(b, x);
        for (var k = 4; k < n; k++)
        {
            Assert.Equal(0.0, x[factor.ColumnPermutation[k]]);
        }

        // Optimality: ‖Aᵀ(b − Ax)‖ at the rounding level of a backward-stable least-squares solve (Higham Thm 20.3).
        LeastSquaresChecks.AssertNormalEquationsResidual(a, b, x, m, n, LeastSquaresChecks.Gamma(m, n, Math.Pow(2, -53)), "seed rank 4");
    }
}
