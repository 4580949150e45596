using System;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using Decomp;

// Factors and solves fixed pseudo-random systems with Cholesky, LU, QR and PivotedQR kernels of several shapes and prints which SIMD
// width the JIT enabled and a hash of every output bit. Run under DOTNET_EnableHWIntrinsic=0 /
// DOTNET_EnableAVX2=0, the hashes must not change: every flavor gives the same results.
var width = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
Run<P3, double>(3, hash);
Run<P8, double>(8, hash);
Run<P13, double>(13, hash);
Run<P16, double>(16, hash);
Run<P21, double>(21, hash);
Run<P32, double>(32, hash);
Run<F5, float>(5, hash);
Run<F8, float>(8, hash);
Run<F16, float>(16, hash);
Run<F23, float>(23, hash);
Run<F32, float>(32, hash);
RunLU<L2, double>(2, hash);
RunLU<L3, double>(3, hash);
RunLU<L4, double>(4, hash);
RunLU<L7, double>(7, hash);
RunLU<L8, double>(8, hash);
RunLU<L13, double>(13, hash);
RunLU<L16, double>(16, hash);
RunLU<L21, double>(21, hash);
RunLU<LF4, float>(4, hash);
RunLU<LF11, float>(11, hash);
RunLU<LF16, float>(16, hash);
RunLU<LF32, float>(32, hash);
RunQR<Q3, double>(3, 3, hash);
RunQR<Q4, double>(4, 4, hash);
RunQR<Q6x3, double>(6, 3, hash);
RunQR<Q8, double>(8, 8, hash);
RunQR<Q13x5, double>(13, 5, hash);
RunQR<Q16, double>(16, 16, hash);
RunQR<Q32x8, double>(32, 8, hash);
RunQR<QF4, float>(4, 4, hash);
RunQR<QF8, float>(8, 8, hash);
RunQR<QF16, float>(16, 16, hash);
RunQR<QF20x7, float>(20, 7, hash);
RunQR<QF32, float>(32, 32, hash);
RunPivotedQR<PQ4, double>(4, 4, hash);
RunPivotedQR<PQ8, double>(8, 8, hash);
RunPivotedQR<PQ20x8, double>(20, 8, hash);
RunPivotedQR<PQF16, float>(16, 16, hash);
RunPivotedQR<PQF13x6, float>(13, 6, hash);
Console.WriteLine($"width={width} hash={Convert.ToHexString(hash.GetHashAndReset())}");

static void Run<TKernel, T>(int n, IncrementalHash hash)
    where TKernel : struct, IKernel<TKernel, T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    var random = new Random(n);
    for (var trial = 0; trial < 20; trial++)
    {
        var b = new double[n * n];
        for (var k = 0; k < b.Length; k++)
        {
            b[k] = (random.NextDouble() * 2) - 1;
        }

        var a = new T[n * n];
        var rhs = new T[n];
        for (var i = 0; i < n; i++)
        {
            rhs[i] = T.CreateChecked((random.NextDouble() * 2) - 1);
            for (var j = 0; j < n; j++)
            {
                double s = i == j ? 0.5 : 0;
                for (var k = 0; k < n; k++)
                {
                    s += b[i * n + k] * b[j * n + k];
                }

                a[i * n + j] = T.CreateChecked(s);
            }
        }

        // Also a matrix that fails part-way, so the failing column is compared too.
        if (trial == 19)
        {
            a[(n / 2) * n + (n / 2)] = T.CreateChecked(-1.0);
        }

        var work = (T[])a.Clone();
        var ok = TKernel.FactorInPlace(work);
        hash.AppendData(BitConverter.GetBytes(ok));
        if (ok)
        {
            TKernel.SolveFactored(work, rhs);
            var factor = TKernel.Factor(a);
            var x = new T[n];
            factor.Solve(rhs, x);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(work));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(rhs));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(x));
        }
        else
        {
            try
            {
                TKernel.Factor(a);
            }
            catch (FactorizationException e)
            {
                hash.AppendData(BitConverter.GetBytes(e.Step));
            }
        }
    }
}

// LU on random matrices, on matrices whose columns tie in magnitude (so the tie rule is compared too), and on a singular one.
static void RunLU<TKernel, T>(int n, IncrementalHash hash)
    where TKernel : struct, ILUKernel<TKernel, T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    var random = new Random(n + 1000);
    for (var trial = 0; trial < 20; trial++)
    {
        var a = new T[n * n];
        var rhs = new T[n];
        for (var i = 0; i < n * n; i++)
        {
            a[i] = T.CreateChecked(trial % 4 == 1 ? random.Next(-2, 3) : (random.NextDouble() * 2) - 1);
        }

        for (var i = 0; i < n; i++)
        {
            rhs[i] = T.CreateChecked((random.NextDouble() * 2) - 1);
        }

        if (trial == 19)
        {
            for (var i = 0; i < n; i++)
            {
                a[i * n + (n / 2)] = T.Zero;
            }
        }

        var work = (T[])a.Clone();
        var pivots = new int[n];
        var ok = TKernel.FactorInPlace(work, pivots);
        hash.AppendData(BitConverter.GetBytes(ok));
        if (ok)
        {
            TKernel.SolveFactored(work, pivots, rhs);
            var factor = TKernel.Factor(a);
            var x = new T[n];
            factor.Solve(rhs, x);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(work));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<int>(pivots));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(rhs));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(x));
        }
        else
        {
            hash.AppendData(BitConverter.GetBytes(TKernel.TryFactor(a, out _)));
        }
    }
}

// QR on random matrices, on ones scaled so far up or down that squaring them over- or underflows (the scaled reflector
// path), on a mix of both in one matrix, and on an upper-triangular one (every reflector is the identity).
static void RunQR<TKernel, T>(int m, int n, IncrementalHash hash)
    where TKernel : struct, IQRKernel<TKernel, T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    var random = new Random((m * 100) + n);
    var big = typeof(T) == typeof(float) ? 70 : 600;
    for (var trial = 0; trial < 20; trial++)
    {
        var (a, rhs) = ScaledSystem<T>(random, m, n, j => trial switch
        {
            3 => big,
            4 => -big,
            5 => j % 2 == 0 ? big / 2 : -big / 2,
            _ => 0,
        });
        if (trial == 19)
        {
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < Math.Min(i, n); j++)
                {
                    a[i * n + j] = T.Zero;
                }
            }
        }

        var work = (T[])a.Clone();
        var tau = new T[n];
        var ok = TKernel.FactorInPlace(work, tau);
        hash.AppendData(BitConverter.GetBytes(ok));
        var x = new T[n];
        TKernel.Factor(a).Solve(rhs, x);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(work));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(tau));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(x));
    }
}

// A random m × n system, row by row (the right-hand side's entry, then the row), entry (i, j) uniform in [-1, 1]
// scaled by 2^exponent(j).
static (T[] A, T[] Rhs) ScaledSystem<T>(Random random, int m, int n, Func<int, int> exponent)
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    var a = new T[m * n];
    var rhs = new T[m];
    for (var i = 0; i < m; i++)
    {
        rhs[i] = T.CreateChecked((random.NextDouble() * 2) - 1);
        for (var j = 0; j < n; j++)
        {
            a[i * n + j] = T.CreateChecked(Math.ScaleB((random.NextDouble() * 2) - 1, exponent(j)));
        }
    }

    return (a, rhs);
}

// Column-pivoted QR on random matrices, on ones with repeated columns (ties and rank deficiency), and on scaled ones.
static void RunPivotedQR<TKernel, T>(int m, int n, IncrementalHash hash)
    where TKernel : struct, IPivotedQRKernel<TKernel, T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    var random = new Random((m * 100) + n + 7);
    var big = typeof(T) == typeof(float) ? 70 : 600;
    for (var trial = 0; trial < 12; trial++)
    {
        var (a, rhs) = ScaledSystem<T>(random, m, n, _ => trial == 3 ? big : trial == 4 ? -big : 0);

        if (trial >= 5)
        {
            // Every third column a copy of column 0: equal norms and rank below n.
            for (var i = 0; i < m; i++)
            {
                for (var j = 3; j < n; j += 3)
                {
                    a[i * n + j] = a[i * n];
                }
            }
        }

        var work = (T[])a.Clone();
        var tau = new T[n];
        var permutation = new int[n];
        var ok = TKernel.FactorInPlace(work, tau, permutation);
        hash.AppendData(BitConverter.GetBytes(ok));
        var x = new T[n];
        TKernel.Factor(a).Solve(rhs, x);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(work));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(tau));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<int>(permutation));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes<T>(x));
    }
}

internal interface IPivotedQRKernel<TSelf, T>
    where TSelf : struct, IPivotedQRKernel<TSelf, T>
{
    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a, Span<T> tau, Span<int> permutation);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}

internal interface IQRKernel<TSelf, T>
    where TSelf : struct, IQRKernel<TSelf, T>
{
    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a, Span<T> tau);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}

internal interface ILUKernel<TSelf, T>
    where TSelf : struct, ILUKernel<TSelf, T>
{
    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    static abstract bool FactorInPlace(Span<T> a, Span<int> pivots);

    static abstract void SolveFactored(ReadOnlySpan<T> lu, ReadOnlySpan<int> pivots, Span<T> b);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}

internal interface IKernel<TSelf, T>
    where TSelf : struct, IKernel<TSelf, T>
{
    static abstract TSelf Factor(ReadOnlySpan<T> a);

    static abstract bool FactorInPlace(Span<T> a);

    static abstract void SolveFactored(ReadOnlySpan<T> u, Span<T> b);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}

[Factorize(Kind.Cholesky, Size = 3)] internal partial struct P3 : IKernel<P3, double>;
[Factorize(Kind.Cholesky, Size = 8)] internal partial struct P8 : IKernel<P8, double>;
[Factorize(Kind.Cholesky, Size = 13)] internal partial struct P13 : IKernel<P13, double>;
[Factorize(Kind.Cholesky, Size = 16)] internal partial struct P16 : IKernel<P16, double>;
[Factorize(Kind.Cholesky, Size = 21)] internal partial struct P21 : IKernel<P21, double>;
[Factorize(Kind.Cholesky, Size = 32)] internal partial struct P32 : IKernel<P32, double>;
[Factorize(Kind.Cholesky, Size = 5, Element = typeof(float))] internal partial struct F5 : IKernel<F5, float>;
[Factorize(Kind.Cholesky, Size = 8, Element = typeof(float))] internal partial struct F8 : IKernel<F8, float>;
[Factorize(Kind.Cholesky, Size = 16, Element = typeof(float))] internal partial struct F16 : IKernel<F16, float>;
[Factorize(Kind.Cholesky, Size = 23, Element = typeof(float))] internal partial struct F23 : IKernel<F23, float>;
[Factorize(Kind.Cholesky, Size = 32, Element = typeof(float))] internal partial struct F32 : IKernel<F32, float>;
[Factorize(Kind.LU, Size = 2)] internal partial struct L2 : ILUKernel<L2, double>;
[Factorize(Kind.LU, Size = 3)] internal partial struct L3 : ILUKernel<L3, double>;
[Factorize(Kind.LU, Size = 4)] internal partial struct L4 : ILUKernel<L4, double>;
[Factorize(Kind.LU, Size = 7)] internal partial struct L7 : ILUKernel<L7, double>;
[Factorize(Kind.LU, Size = 8)] internal partial struct L8 : ILUKernel<L8, double>;
[Factorize(Kind.LU, Size = 13)] internal partial struct L13 : ILUKernel<L13, double>;
[Factorize(Kind.LU, Size = 16)] internal partial struct L16 : ILUKernel<L16, double>;
[Factorize(Kind.LU, Size = 21)] internal partial struct L21 : ILUKernel<L21, double>;
[Factorize(Kind.LU, Size = 4, Element = typeof(float))] internal partial struct LF4 : ILUKernel<LF4, float>;
[Factorize(Kind.LU, Size = 11, Element = typeof(float))] internal partial struct LF11 : ILUKernel<LF11, float>;
[Factorize(Kind.LU, Size = 16, Element = typeof(float))] internal partial struct LF16 : ILUKernel<LF16, float>;
[Factorize(Kind.LU, Size = 32, Element = typeof(float))] internal partial struct LF32 : ILUKernel<LF32, float>;
[Factorize(Kind.QR, Size = 3)] internal partial struct Q3 : IQRKernel<Q3, double>;
[Factorize(Kind.QR, Size = 4)] internal partial struct Q4 : IQRKernel<Q4, double>;
[Factorize(Kind.QR, Rows = 6, Columns = 3)] internal partial struct Q6x3 : IQRKernel<Q6x3, double>;
[Factorize(Kind.QR, Size = 8)] internal partial struct Q8 : IQRKernel<Q8, double>;
[Factorize(Kind.QR, Rows = 13, Columns = 5)] internal partial struct Q13x5 : IQRKernel<Q13x5, double>;
[Factorize(Kind.QR, Size = 16)] internal partial struct Q16 : IQRKernel<Q16, double>;
[Factorize(Kind.QR, Rows = 32, Columns = 8)] internal partial struct Q32x8 : IQRKernel<Q32x8, double>;
[Factorize(Kind.QR, Size = 4, Element = typeof(float))] internal partial struct QF4 : IQRKernel<QF4, float>;
[Factorize(Kind.QR, Size = 8, Element = typeof(float))] internal partial struct QF8 : IQRKernel<QF8, float>;
[Factorize(Kind.QR, Size = 16, Element = typeof(float))] internal partial struct QF16 : IQRKernel<QF16, float>;
[Factorize(Kind.QR, Rows = 20, Columns = 7, Element = typeof(float))] internal partial struct QF20x7 : IQRKernel<QF20x7, float>;
[Factorize(Kind.QR, Size = 32, Element = typeof(float))] internal partial struct QF32 : IQRKernel<QF32, float>;
[Factorize(Kind.PivotedQR, Size = 4)] internal partial struct PQ4 : IPivotedQRKernel<PQ4, double>;
[Factorize(Kind.PivotedQR, Size = 8)] internal partial struct PQ8 : IPivotedQRKernel<PQ8, double>;
[Factorize(Kind.PivotedQR, Rows = 20, Columns = 8)] internal partial struct PQ20x8 : IPivotedQRKernel<PQ20x8, double>;
[Factorize(Kind.PivotedQR, Size = 16, Element = typeof(float))] internal partial struct PQF16 : IPivotedQRKernel<PQF16, float>;
[Factorize(Kind.PivotedQR, Rows = 13, Columns = 6, Element = typeof(float))] internal partial struct PQF13x6 : IPivotedQRKernel<PQF13x6, float>;
