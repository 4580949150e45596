using System;
using System.Diagnostics.CodeAnalysis;

namespace Decomp.Kernels.Tests;

/// <summary>The generated LDLᵀ members as an interface, so one test body covers every shape.</summary>
public interface ILdltKernel<TSelf, T>
    where TSelf : struct, ILdltKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a, Span<int> pivots);

    static abstract void SolveFactored(ReadOnlySpan<T> factor, ReadOnlySpan<int> pivots, Span<T> b);

    [UnscopedRef]
    ReadOnlySpan<int> Pivots { get; }

    void Solve(ReadOnlySpan<T> b, Span<T> x);

    void Solve(Span<T> b);

    T Determinant();

    T LogDeterminant();

    void Inverse(Span<T> result);

    void CopyLowerTo(Span<T> destination);

    void CopyBlockDiagonalTo(Span<T> destination);

    (int Positive, int Negative, int Zero) Inertia();
}
