using System;

namespace Decomp.Benchmarks.Kernels;

/// <summary>The generated Cholesky members, as an interface so one benchmark serves every size.</summary>
public interface ICholeskyKernel<TSelf, T>
    where TSelf : struct, ICholeskyKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract TSelf Factor(ReadOnlySpan<T> a);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}
