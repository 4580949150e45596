using System;
using System.Diagnostics.CodeAnalysis;

namespace Decomp.Kernels.Tests;

/// <summary>The generated column-pivoted QR members as an interface, so one test body covers every shape.</summary>
public interface IPivotedQRKernel<TSelf, T> : IHouseholderKernel<TSelf, T>
    where TSelf : struct, IPivotedQRKernel<TSelf, T>
{
    static abstract bool FactorInPlace(Span<T> a, Span<T> tau, Span<int> permutation);

    [UnscopedRef]
    ReadOnlySpan<int> ColumnPermutation { get; }

    int Rank(T tolerance);

    int Rank();
}
