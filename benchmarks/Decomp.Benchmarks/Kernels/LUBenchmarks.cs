using System;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Decomp.Benchmarks.Kernels;

/// <summary>
/// Generated LU with partial pivoting against Math.NET Numerics (managed) and a textbook loop, measured like
/// ../shared/bench/eigen_small.cpp's <c>PartialPivLU</c>: one matrix at a time, cycling through a pool of 1024
/// distinct general matrices (entries uniform in [-1, 1]), 64-byte aligned, ns per factorization.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[GenericTypeArguments(typeof(LUD3), typeof(double))]
[GenericTypeArguments(typeof(LUD4), typeof(double))]
[GenericTypeArguments(typeof(LUD6), typeof(double))]
[GenericTypeArguments(typeof(LUD8), typeof(double))]
[GenericTypeArguments(typeof(LUD12), typeof(double))]
[GenericTypeArguments(typeof(LUD16), typeof(double))]
[GenericTypeArguments(typeof(LUF3), typeof(float))]
[GenericTypeArguments(typeof(LUF4), typeof(float))]
[GenericTypeArguments(typeof(LUF6), typeof(float))]
[GenericTypeArguments(typeof(LUF8), typeof(float))]
[GenericTypeArguments(typeof(LUF12), typeof(float))]
[GenericTypeArguments(typeof(LUF16), typeof(float))]
public unsafe class LUBenchmarks<TKernel, T>
    where TKernel : struct, ILUKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Pool = 1024;
    private static readonly int N = (int)typeof(TKernel).GetField("Rows")!.GetRawConstantValue()!;

    private T* _matrices;
    private T* _rhs;
    private T[] _x = [];
    private T[] _scratch = [];
    private int[] _pivots = [];
    private MathNet.Numerics.LinearAlgebra.Matrix<T>[] _mathNet = [];
    private TKernel _factor;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(54321 + N);
        _matrices = (T*)NativeMemory.AlignedAlloc((nuint)(Pool * N * N * sizeof(T)), 64);
        _rhs = (T*)NativeMemory.AlignedAlloc((nuint)(Pool * N * sizeof(T)), 64);
        _x = new T[N];
        _scratch = new T[N * N];
        _pivots = new int[N];
        _mathNet = new MathNet.Numerics.LinearAlgebra.Matrix<T>[Pool];
        for (var p = 0; p < Pool; p++)
        {
            var m = new T[N * N];
            for (var k = 0; k < m.Length; k++)
            {
                m[k] = T.CreateChecked((random.NextDouble() * 2) - 1);
            }

            for (var i = 0; i < N; i++)
            {
                _rhs[(p * N) + i] = T.CreateChecked((random.NextDouble() * 2) - 1);
            }

            m.AsSpan().CopyTo(new Span<T>(_matrices + (p * N * N), N * N));
            _mathNet[p] = MathNet.Numerics.LinearAlgebra.Matrix<T>.Build.Dense(N, N, (i, j) => m[(i * N) + j]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(_matrices);
        NativeMemory.AlignedFree(_rhs);
    }

    private ReadOnlySpan<T> MatrixAt(int p) => new(_matrices + (p * N * N), N * N);

    private ReadOnlySpan<T> RhsAt(int p) => new(_rhs + (p * N), N);

    [Benchmark(Baseline = true, OperationsPerInvoke = Pool)]
    public int Factor()
    {
        var ok = 0;
        for (var p = 0; p < Pool; p++)
        {
            ok += TKernel.TryFactor(MatrixAt(p), out _factor) ? 1 : 0;
        }

        return ok;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public T FactorSolve()
    {
        var sum = T.Zero;
        for (var p = 0; p < Pool; p++)
        {
            TKernel.TryFactor(MatrixAt(p), out _factor);
            _factor.Solve(RhsAt(p), _x);
            sum += _x[N - 1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public T MathNetFactor()
    {
        var sum = T.Zero;
        for (var p = 0; p < Pool; p++)
        {
            sum += _mathNet[p].LU().U[N - 1, N - 1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public T TextbookFactor()
    {
        var sum = T.Zero;
        for (var p = 0; p < Pool; p++)
        {
            MatrixAt(p).CopyTo(_scratch);
            sum += TextbookLU(_scratch, _pivots);
        }

        return sum;
    }

    /// <summary>Right-looking Gaussian elimination with partial pivoting on a flat row-major array, as found in textbooks.</summary>
    private static T TextbookLU(Span<T> a, Span<int> pivots)
    {
        for (var k = 0; k < N; k++)
        {
            var p = k;
            for (var i = k + 1; i < N; i++)
            {
                if (T.Abs(a[(i * N) + k]) > T.Abs(a[(p * N) + k]))
                {
                    p = i;
                }
            }

            pivots[k] = p;
            if (p != k)
            {
                for (var j = 0; j < N; j++)
                {
                    (a[(k * N) + j], a[(p * N) + j]) = (a[(p * N) + j], a[(k * N) + j]);
                }
            }

            var pivot = a[(k * N) + k];
            for (var i = k + 1; i < N; i++)
            {
                var l = a[(i * N) + k] / pivot;
                a[(i * N) + k] = l;
                for (var j = k + 1; j < N; j++)
                {
                    a[(i * N) + j] -= l * a[(k * N) + j];
                }
            }
        }

        return a[(N * N) - 1];
    }
}
