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
}
