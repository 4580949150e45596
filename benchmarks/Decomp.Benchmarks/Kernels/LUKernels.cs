using System;

namespace Decomp.Benchmarks.Kernels;

// The generated LU kernels under measurement: the sizes of ../shared/bench/eigen_small.cpp.
[Factorize(Kind.LU, Size = 3)] public partial struct LUD3 : ILUKernel<LUD3, double>;
[Factorize(Kind.LU, Size = 4)] public partial struct LUD4 : ILUKernel<LUD4, double>;
[Factorize(Kind.LU, Size = 6)] public partial struct LUD6 : ILUKernel<LUD6, double>;
[Factorize(Kind.LU, Size = 8)] public partial struct LUD8 : ILUKernel<LUD8, double>;
[Factorize(Kind.LU, Size = 12)] public partial struct LUD12 : ILUKernel<LUD12, double>;
[Factorize(Kind.LU, Size = 16)] public partial struct LUD16 : ILUKernel<LUD16, double>;
[Factorize(Kind.LU, Size = 3, Element = typeof(float))] public partial struct LUF3 : ILUKernel<LUF3, float>;
[Factorize(Kind.LU, Size = 4, Element = typeof(float))] public partial struct LUF4 : ILUKernel<LUF4, float>;
[Factorize(Kind.LU, Size = 6, Element = typeof(float))] public partial struct LUF6 : ILUKernel<LUF6, float>;
[Factorize(Kind.LU, Size = 8, Element = typeof(float))] public partial struct LUF8 : ILUKernel<LUF8, float>;
[Factorize(Kind.LU, Size = 12, Element = typeof(float))] public partial struct LUF12 : ILUKernel<LUF12, float>;
[Factorize(Kind.LU, Size = 16, Element = typeof(float))] public partial struct LUF16 : ILUKernel<LUF16, float>;

/// <summary>The generated LU members, as an interface so one benchmark serves every size.</summary>
public interface ILUKernel<TSelf, T>
    where TSelf : struct, ILUKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}
