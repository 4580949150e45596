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
}
