using System;

namespace Decomp.Kernels.Tests;

/// <summary>The generated Cholesky members as an interface, so one test body covers every shape.</summary>
public interface ICholeskyKernel<TSelf, T>
    where TSelf : struct, ICholeskyKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a);

    static abstract void SolveFactored(ReadOnlySpan<T> u, Span<T> b);

    void Solve(ReadOnlySpan<T> b, Span<T> x);

    void Solve(Span<T> b);

    T Determinant();

    T LogDeterminant();

    void Inverse(Span<T> result);

    void CopyLowerTo(Span<T> destination);

    void Update(ReadOnlySpan<T> x);

    bool Downdate(ReadOnlySpan<T> x);
}
