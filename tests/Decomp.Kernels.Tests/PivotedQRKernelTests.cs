using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Compile-and-run tests of the generated column-pivoted (rank-revealing) QR kernels, square and tall, double and float.</summary>
public sealed class PivotedQRKernelTests
{
    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void Factor_BackwardErrorOfAP_IsWithinBound(string kernel) => PivotedQRCases.Get(kernel).FactorBackwardErrorIsWithinBound();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void Q_IsOrthonormal(string kernel) => PivotedQRCases.Get(kernel).QIsOrthonormal();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void Diagonal_IsNonIncreasing_AndDominatesTheRemainingColumns(string kernel) => PivotedQRCases.Get(kernel).DiagonalIsNonIncreasingAndDominatesItsRow();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void NormDowndating_RecomputesNormsLostToCancellation(string kernel) => PivotedQRCases.Get(kernel).NormDowndatingRecomputesAfterCancellation();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void LeastSquares_NormalEquationsResidual_IsWithinBound(string kernel) => PivotedQRCases.Get(kernel).LeastSquaresSolutionIsOptimal();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void SquareSolve_Residual_IsWithinBackwardErrorBound(string kernel) => PivotedQRCases.Get(kernel).SquareSolveHasSmallResidual();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void RankDeficient_RankIsExact_AndBasicSolutionIsOptimal(string kernel) => PivotedQRCases.Get(kernel).RankDeficientBasicSolutionIsOptimal();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void DuplicatedColumn_ConsistentSystem_SolvesToRoundingResidual(string kernel) => PivotedQRCases.Get(kernel).DuplicatedColumnSystemSolvesConsistently();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void Factor_TryFactor_FactorInPlace_Rank_AndSolve_Agree(string kernel) => PivotedQRCases.Get(kernel).VariantsAgree();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void NaN_Or_Infinity_Anywhere_IsRejected(string kernel) => PivotedQRCases.Get(kernel).NonFiniteInputIsRejected();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void ShortSpans_ThrowArgumentException_NamingTheParameter(string kernel) => PivotedQRCases.Get(kernel).ShortSpansThrowNamingTheParameter();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void DefaultStruct_Throws_InsteadOfReturningGarbage(string kernel) => PivotedQRCases.Get(kernel).DefaultValueThrows();

    [Theory]
    [MemberData(nameof(PivotedQRCases.Names), MemberType = typeof(PivotedQRCases))]
    public void EveryMember_AllocatesNothing(string kernel) => Assert.Equal(0, PivotedQRCases.Get(kernel).AllocatedBytesPerCall());
}
