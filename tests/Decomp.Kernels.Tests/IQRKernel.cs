using System;

namespace Decomp.Kernels.Tests;

/// <summary>The generated QR members as an interface, so one test body covers every shape.</summary>
public interface IQRKernel<TSelf, T>
    where TSelf : struct, IQRKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a, Span<T> tau);

    void Solve(ReadOnlySpan<T> b, Span<T> x);

    void ApplyQTransposeTo(Span<T> b);

    void CopyQTo(Span<T> destination);

    void CopyRTo(Span<T> destination);
}
