using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Compile-and-run tests of the generated Cholesky kernels, orders 1…32, double and float.</summary>
public sealed class CholeskyKernelTests
{
    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Factor_BackwardError_IsWithinBound(string kernel) => CholeskyCases.Get(kernel).FactorBackwardErrorIsWithinBound();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Solve_Residual_IsWithinBackwardErrorBound(string kernel) => CholeskyCases.Get(kernel).SolveResidualIsWithinBound();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Factor_TryFactor_FactorInPlace_AndSolveOverloads_Agree(string kernel) => CholeskyCases.Get(kernel).VariantsAgree();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Determinant_And_LogDeterminant_MatchKnownValue(string kernel) => CholeskyCases.Get(kernel).DeterminantMatchesKnownValue();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Determinant_SurvivesOverflowAndUnderflow_AndLogStaysFinite(string kernel) => CholeskyCases.Get(kernel).DeterminantSurvivesOverAndUnderflow();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Inverse_HasSmallResidual_AndIsExactlySymmetric(string kernel) => CholeskyCases.Get(kernel).InverseIsAccurateAndSymmetric();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Update_And_Downdate_MatchTheDefinition(string kernel) => CholeskyCases.Get(kernel).UpdateAndDowndateMatchDefinition();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void Downdate_ReturnsFalse_AndKeepsTheFactor_WhenResultIsNotPositiveDefinite(string kernel) => CholeskyCases.Get(kernel).DowndateRejectsIndefiniteResult();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void NotPositiveDefinite_ReturnsFalse_AndFactorThrowsNamingTheColumn(string kernel) => CholeskyCases.Get(kernel).NotPositiveDefiniteFailsAtTheRightColumn();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void NaN_Or_Infinity_Anywhere_IsRejected(string kernel) => CholeskyCases.Get(kernel).NonFiniteInputIsRejected();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void ShortSpans_ThrowArgumentException_NamingTheParameter(string kernel) => CholeskyCases.Get(kernel).ShortSpansThrowNamingTheParameter();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void DefaultStruct_Throws_InsteadOfReturningGarbage(string kernel) => CholeskyCases.Get(kernel).DefaultValueThrows();

    [Theory]
    [MemberData(nameof(CholeskyCases.Names), MemberType = typeof(CholeskyCases))]
    public void EveryMember_AllocatesNothing(string kernel) => Assert.Equal(0, CholeskyCases.Get(kernel).AllocatedBytesPerCall());
}
