using System;
using System.Diagnostics.CodeAnalysis;

namespace Decomp.Kernels.Tests;

/// <summary>The generated column-pivoted QR members as an interface, so one test body covers every shape.</summary>
public interface IPivotedQRKernel<TSelf, T>
    where TSelf : struct, IPivotedQRKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a, Span<T> tau, Span<int> permutation);

    [UnscopedRef]
    ReadOnlySpan<int> ColumnPermutation { get; }

    int Rank(T tolerance);

    int Rank();

    void Solve(ReadOnlySpan<T> b, Span<T> x);

    void ApplyQTransposeTo(Span<T> b);

    void CopyQTo(Span<T> destination);

    void CopyRTo(Span<T> destination);
}
