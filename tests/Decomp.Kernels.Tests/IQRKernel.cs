using System;

namespace Decomp.Kernels.Tests;

/// <summary>The members QR and PivotedQR share, so the checks of both can be written once (<see cref="HouseholderChecks{TKernel, T}"/>).</summary>
public interface IHouseholderKernel<TSelf, T>
    where TSelf : struct, IHouseholderKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract TSelf Factor(ReadOnlySpan<T> a);

    void Solve(ReadOnlySpan<T> b, Span<T> x);

    void ApplyQTransposeTo(Span<T> b);

    void CopyQTo(Span<T> destination);

    void CopyRTo(Span<T> destination);
}

/// <summary>The generated QR members as an interface, so one test body covers every shape.</summary>
public interface IQRKernel<TSelf, T> : IHouseholderKernel<TSelf, T>
    where TSelf : struct, IQRKernel<TSelf, T>
{
    static abstract bool FactorInPlace(Span<T> a, Span<T> tau);
}
