using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Compile-and-run tests of the generated LDLᵀ (Bunch–Kaufman) kernels, orders 1…32, double and float.</summary>
public sealed class LdltKernelTests
{
    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Factor_BackwardError_IsWithinBound(string kernel) => LdltCases.Get(kernel).FactorBackwardErrorIsWithinBound();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Solve_Residual_IsWithinBackwardErrorBound(string kernel) => LdltCases.Get(kernel).SolveResidualIsWithinBound();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void ZeroDiagonal_FactorsWith2x2Blocks_AndSolvesExactly(string kernel) => LdltCases.Get(kernel).ZeroDiagonalFactors();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Inertia_MatchesTheSignsOfTheEigenvalues(string kernel) => LdltCases.Get(kernel).InertiaMatchesTheEigenvalueSigns();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Determinant_And_LogDeterminant_MatchKnownValue(string kernel) => LdltCases.Get(kernel).DeterminantMatchesKnownValue();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Determinant_SurvivesOverflowAndUnderflow_AndLogStaysFinite(string kernel) => LdltCases.Get(kernel).DeterminantSurvivesOverAndUnderflow();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Inverse_IsSymmetric_AndColumnsMeetTheSolveResidualBound(string kernel) => LdltCases.Get(kernel).InverseHasSmallResidualAndIsSymmetric();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void Factor_TryFactor_FactorInPlace_AndSolveOverloads_Agree(string kernel) => LdltCases.Get(kernel).VariantsAgree();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void SingularMatrix_ReturnsFalse_AndFactorThrows(string kernel) => LdltCases.Get(kernel).SingularMatrixIsRejected();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void NaN_Or_Infinity_Anywhere_IsRejected(string kernel) => LdltCases.Get(kernel).NonFiniteInputIsRejected();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void ShortSpans_ThrowArgumentException_NamingTheParameter(string kernel) => LdltCases.Get(kernel).ShortSpansThrowNamingTheParameter();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void DefaultStruct_Throws_InsteadOfReturningGarbage(string kernel) => LdltCases.Get(kernel).DefaultValueThrows();

    [Theory]
    [MemberData(nameof(LdltCases.Names), MemberType = typeof(LdltCases))]
    public void EveryMember_AllocatesNothing(string kernel) => Assert.Equal(0, LdltCases.Get(kernel).AllocatedBytesPerCall());
}
