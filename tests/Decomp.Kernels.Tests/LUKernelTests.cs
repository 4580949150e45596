using System;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Compile-and-run tests of the generated LU kernels, orders 1…32, double and float.</summary>
public sealed class LUKernelTests
{
    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void Factor_BackwardError_IsWithinBound_AndMultipliersAreAtMostOne(string kernel) => LUCases.Get(kernel).FactorBackwardErrorIsWithinBound();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void WilkinsonMatrix_GrowsByExactly2ToTheNMinus1(string kernel) => LUCases.Get(kernel).WilkinsonMatrixGrowsAsPartialPivotingPredicts();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void Solve_Residual_IsWithinBackwardErrorBound(string kernel) => LUCases.Get(kernel).SolveResidualIsWithinBound();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void Factor_TryFactor_FactorInPlace_AndSolveOverloads_Agree(string kernel) => LUCases.Get(kernel).VariantsAgree();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void Determinant_And_LogDeterminant_MatchKnownValue(string kernel) => LUCases.Get(kernel).DeterminantMatchesKnownValue();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void Determinant_SurvivesOverflowAndUnderflow_AndLogStaysFinite(string kernel) => LUCases.Get(kernel).DeterminantSurvivesOverAndUnderflow();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void Inverse_ColumnsMeetTheSolveResidualBound(string kernel) => LUCases.Get(kernel).InverseHasSmallResidual();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void ReciprocalCondition_IsWithinASmallFactorOfTheTrueValue(string kernel) => LUCases.Get(kernel).ReciprocalConditionIsCloseToTheTrueValue();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void SingularMatrix_ReturnsFalse_AndFactorThrowsNamingTheColumn(string kernel) => LUCases.Get(kernel).SingularMatrixFailsAtTheRightColumn();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void NaN_Or_Infinity_Anywhere_IsRejected(string kernel) => LUCases.Get(kernel).NonFiniteInputIsRejected();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void ShortSpans_ThrowArgumentException_NamingTheParameter(string kernel) => LUCases.Get(kernel).ShortSpansThrowNamingTheParameter();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void DefaultStruct_Throws_InsteadOfReturningGarbage(string kernel) => LUCases.Get(kernel).DefaultValueThrows();

    [Theory]
    [MemberData(nameof(LUCases.Names), MemberType = typeof(LUCases))]
    public void EveryMember_AllocatesNothing(string kernel) => Assert.Equal(0, LUCases.Get(kernel).AllocatedBytesPerCall());

    /// <summary>
    /// The seed's case for pivoting: A = [[1e-16, 1], [1, 2]], b = [1, 3]. Without a row exchange the multiplier is 1e16
    /// and x₁ comes out as 0 (or 2.22); with partial pivoting x = (1, 1) to within a few ulps.
    /// </summary>
    [Fact]
    public void SeedExample_TinyPivot_IsExchanged_AndTheSolutionIsAccurate()
    {
        double[] a = [1e-16, 1, 1, 2];
        double[] b = [1, 3];
        var factor = LUD2.Factor(a);
        var x = new double[2];
        factor.Solve(b, x);

        Assert.Equal(1, factor.Pivots[0]);
        Assert.Equal(1.0, x[0], 4 * double.Epsilon + (4 * Math.Pow(2, -53)));
        Assert.Equal(1.0, x[1], 4 * Math.Pow(2, -53));

        // The same elimination without the exchange loses x₁ entirely: the test would catch a kernel that skipped pivoting.
        var l = a[2] / a[0];
        var u11 = a[3] - (l * a[1]);
        var y1 = b[1] - (l * b[0]);
        var x1 = y1 / u11;
        var x0 = (b[0] - (a[1] * x1)) / a[0];
        Assert.True(Math.Abs(x0 - 1) > 0.5, $"naive elimination gave x0 = {x0}");
    }

    /// <summary>A symmetric matrix with zeros on its diagonal has no pivot in place; LU with row exchanges factors it.</summary>
    [Fact]
    public void ZeroDiagonal_Factors_AndSolves()
    {
        // det = 12; x = (1, 2, 3). The entries and every intermediate are small integers or halves, so the float
        // factorization is exact except for the multipliers 1/2; the answer is within a few ulps.
        float[] a = [0, 2, 1, 2, 0, 3, 1, 3, 0];
        var factor = LUF3.Factor(a);
        var x = new float[3];
        factor.Solve([7, 11, 7], x);
        var u = MathF.Pow(2, -24);
        Assert.Equal(1f, x[0], 8 * u);
        Assert.Equal(2f, x[1], 16 * u);
        Assert.Equal(3f, x[2], 24 * u);
        Assert.Equal(12f, factor.Determinant(), 12 * 8 * u);
    }

    /// <summary>The Matrix4x4 / Vector4 overloads read and write the same row-major floats as the span overloads.</summary>
    [Fact]
    public void Matrix4x4Overloads_AgreeBitForBit_WithTheSpanOverloads()
    {
        var random = new Random(44);
        for (var trial = 0; trial < 50; trial++)
        {
            var values = Matrices.To<float>(Matrices.RandomGeneral(random, 4));
            var m = new System.Numerics.Matrix4x4(
                values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                values[8], values[9], values[10], values[11], values[12], values[13], values[14], values[15]);
            var b = new System.Numerics.Vector4((float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble());

            Assert.True(LUF4.TryFactor(in m, out var fromMatrix));
            var fromSpan = LUF4.Factor(values);
            var x = fromMatrix.Solve(b);
            var expected = new float[4];
            fromSpan.Solve([b.X, b.Y, b.Z, b.W], expected);
            Assert.Equal(expected, new[] { x.X, x.Y, x.Z, x.W });

            var inverse = LUF4.Factor(in m).Inverse();
            var expectedInverse = new float[16];
            fromSpan.Inverse(expectedInverse);
            for (var i = 0; i < 16; i++)
            {
                Assert.Equal(expectedInverse[i], inverse[i / 4, i % 4]);
            }
        }
    }

    /// <summary>
    /// The LU inverse of a 4×4 float matrix is at least as accurate as <see cref="System.Numerics.Matrix4x4.Invert"/>'s
    /// cofactor formula: over 2000 random matrices the mean of max|AX − I| is no larger (measured 7.2e-7 against 9.9e-7).
    /// </summary>
    [Fact]
    public void Matrix4x4Inverse_IsAtLeastAsAccurateAsSystemNumerics()
    {
        var random = new Random(45);
        double ours = 0, theirs = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            var v = Matrices.To<float>(Matrices.RandomGeneral(random, 4));
            var m = new System.Numerics.Matrix4x4(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]);
            Assert.True(System.Numerics.Matrix4x4.Invert(m, out var reference));
            Assert.True(LUF4.TryFactor(in m, out var lu));
            ours += Residual(m, lu.Inverse());
            theirs += Residual(m, reference);
        }

        Assert.True(ours <= theirs, $"mean max|AX - I|: LU {ours / 2000:E3}, Matrix4x4.Invert {theirs / 2000:E3}");

        static double Residual(System.Numerics.Matrix4x4 a, System.Numerics.Matrix4x4 x)
        {
            double worst = 0;
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    double sum = i == j ? -1 : 0;
                    for (var k = 0; k < 4; k++)
                    {
                        sum += (double)a[i, k] * x[k, j];
                    }

                    worst = Math.Max(worst, Math.Abs(sum));
                }
            }

            return worst;
        }
    }
}
