using System;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Compile-and-run tests of the generated Householder QR kernels, square and tall shapes, double and float.</summary>
public sealed class QRKernelTests
{
    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void Factor_BackwardError_IsWithinBound(string kernel) => QRCases.Get(kernel).FactorBackwardErrorIsWithinBound();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void Q_IsOrthonormal(string kernel) => QRCases.Get(kernel).QIsOrthonormal();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void LeastSquares_NormalEquationsResidual_IsWithinBound(string kernel) => QRCases.Get(kernel).LeastSquaresSolutionIsOptimal();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void ApplyQTransposeTo_MatchesTheFormedQ_AndKeepsTheNorm(string kernel) => QRCases.Get(kernel).ApplyQTransposeMatchesTheFormedQ();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void Factor_TryFactor_FactorInPlace_AndSolve_Agree(string kernel) => QRCases.Get(kernel).VariantsAgree();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void RankDeficientMatrix_StillFactors(string kernel) => QRCases.Get(kernel).RankDeficientMatrixStillFactors();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void ColumnsWhoseSquaresOverOrUnderflow_FactorAccurately(string kernel) => QRCases.Get(kernel).ExtremeScalesFactorAccurately();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void NaN_Or_Infinity_Anywhere_IsRejected(string kernel) => QRCases.Get(kernel).NonFiniteInputIsRejected();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void ShortSpans_ThrowArgumentException_NamingTheParameter(string kernel) => QRCases.Get(kernel).ShortSpansThrowNamingTheParameter();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void DefaultStruct_Throws_InsteadOfReturningGarbage(string kernel) => QRCases.Get(kernel).DefaultValueThrows();

    [Theory]
    [MemberData(nameof(QRCases.Names), MemberType = typeof(QRCases))]
    public void EveryMember_AllocatesNothing(string kernel) => Assert.Equal(0, QRCases.Get(kernel).AllocatedBytesPerCall());

    /// <summary>The 12×12 Hilbert matrix (κ₂ ≈ 1.7e16): Householder Q stays orthonormal to working precision regardless.</summary>
    [Fact]
    public void Hilbert12_QIsOrthonormalTo1e13()
    {
        var a = new double[144];
        for (var i = 0; i < 12; i++)
        {
            for (var j = 0; j < 12; j++)
            {
                a[i * 12 + j] = 1.0 / (i + j + 1);
            }
        }

        var q = new double[144];
        QRD12x12.Factor(a).CopyQTo(q);
        for (var r = 0; r < 12; r++)
        {
            for (var c = 0; c < 12; c++)
            {
                double dot = 0;
                for (var i = 0; i < 12; i++)
                {
                    dot += q[i * 12 + r] * q[i * 12 + c];
                }

                Assert.True(Math.Abs(dot - (r == c ? 1 : 0)) <= 1e-13, $"|QᵀQ − I|[{r},{c}] = {Math.Abs(dot - (r == c ? 1 : 0)):E3}");
            }
        }
    }

    /// <summary>
    /// The seed's point: least squares by QR has forward error ~ κ·u, by the normal equations AᵀA x = Aᵀb ~ κ²·u. A 20×8
    /// system with κ₂(A) = 1e6 and a consistent right-hand side: QR's error stays below 100·κ·u, the normal equations'
    /// (solved with the generated 8×8 Cholesky) is at least 100 times larger.
    /// </summary>
    [Fact]
    public void SeedExample_QRTracksKappa_NormalEquationsTrackKappaSquared()
    {
        var random = new Random(2008);
        const int m = 20, n = 8;
        const double kappa = 1e6;
        var left = Matrices.IllConditionedGeneral(random, m, 1);
        var right = Matrices.IllConditionedGeneral(random, n, 1);
        var a = new double[m * n];
        for (var k = 0; k < n; k++)
        {
            var sigma = Math.Pow(kappa, -(double)k / (n - 1));
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i * n + j] += left[i * m + k] * sigma * right[j * n + k];
                }
            }
        }

        var exact = Matrices.RandomVector(random, n);
        var b = new double[m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                b[i] += a[i * n + j] * exact[j];
            }
        }

        var x = new double[n];
        QRD20x8.Factor(a).Solve(b, x);

        var normal = new double[n * n];
        var atb = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < m; k++)
                {
                    normal[i * n + j] += a[k * n + i] * a[k * n + j];
                }
            }

            for (var k = 0; k < m; k++)
            {
                atb[i] += a[k * n + i] * b[k];
            }
        }

        var viaNormal = new double[n];
        CholD8.Factor(normal).Solve(atb, viaNormal);

        double Error(double[] computed)
        {
            double difference = 0, norm = 0;
            for (var i = 0; i < n; i++)
            {
                difference += (computed[i] - exact[i]) * (computed[i] - exact[i]);
                norm += exact[i] * exact[i];
            }

            return Math.Sqrt(difference / norm);
        }

        var u = Math.Pow(2, -53);
        var qrError = Error(x);
        var normalError = Error(viaNormal);
        Assert.True(qrError <= 100 * kappa * u, $"QR error {qrError:E2} > 100·κ·u = {100 * kappa * u:E2}");
        Assert.True(normalError >= 100 * qrError, $"normal equations {normalError:E2} vs QR {qrError:E2}");
    }
}
