using System;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Decomp.Benchmarks.Kernels;

/// <summary>
/// Generated Cholesky against Math.NET Numerics (managed) and a textbook loop, measured like
/// ../shared/bench/eigen_small.cpp: one matrix at a time, cycling through a pool of 1024 distinct SPD
/// matrices (B Bᵀ + n I, B uniform in [-1, 1]), ns per factorization. The pool is 64-byte aligned, as
/// Eigen's <c>aligned_allocator</c> aligns its fixed-size matrices.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[GenericTypeArguments(typeof(CholD3), typeof(double))]
[GenericTypeArguments(typeof(CholD4), typeof(double))]
[GenericTypeArguments(typeof(CholD6), typeof(double))]
[GenericTypeArguments(typeof(CholD8), typeof(double))]
[GenericTypeArguments(typeof(CholD12), typeof(double))]
[GenericTypeArguments(typeof(CholD16), typeof(double))]
[GenericTypeArguments(typeof(CholF3), typeof(float))]
[GenericTypeArguments(typeof(CholF4), typeof(float))]
[GenericTypeArguments(typeof(CholF6), typeof(float))]
[GenericTypeArguments(typeof(CholF8), typeof(float))]
[GenericTypeArguments(typeof(CholF12), typeof(float))]
[GenericTypeArguments(typeof(CholF16), typeof(float))]
public unsafe class CholeskyBenchmarks<TKernel, T>
    where TKernel : struct, ICholeskyKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Pool = 1024;
    private static readonly int N = (int)typeof(TKernel).GetField("Rows")!.GetRawConstantValue()!;

    private T* _matrices;
    private T* _rhs;
    private T[] _x = [];
    private T[] _scratch = [];
    private MathNet.Numerics.LinearAlgebra.Matrix<T>[] _mathNet = [];
    private TKernel _factor;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12345 + N);
        _matrices = (T*)NativeMemory.AlignedAlloc((nuint)(Pool * N * N * sizeof(T)), 64);
        _rhs = (T*)NativeMemory.AlignedAlloc((nuint)(Pool * N * sizeof(T)), 64);
        _x = new T[N];
        _scratch = new T[N * N];
        _mathNet = new MathNet.Numerics.LinearAlgebra.Matrix<T>[Pool];
        var b = new double[N * N];
        for (var p = 0; p < Pool; p++)
        {
            for (var k = 0; k < b.Length; k++)
            {
                b[k] = (random.NextDouble() * 2) - 1;
            }

            for (var i = 0; i < N; i++)
            {
                _rhs[(p * N) + i] = T.CreateChecked((random.NextDouble() * 2) - 1);
                for (var j = 0; j < N; j++)
                {
                    double s = i == j ? N : 0;
                    for (var k = 0; k < N; k++)
                    {
                        s += b[(i * N) + k] * b[(j * N) + k];
                    }

                    _matrices[(p * N * N) + (i * N) + j] = T.CreateChecked(s);
                }
            }

            var m = new T[N * N];
            new ReadOnlySpan<T>(_matrices + (p * N * N), N * N).CopyTo(m);
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
            // TryFactor fills the caller's struct in place; Factor returns it by value (a copy of n² + n elements).
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
            sum += _mathNet[p].Cholesky().Factor[N - 1, N - 1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public T TextbookFactor()
    {
        var sum = T.Zero;
        for (var p = 0; p < Pool; p++)
        {
            sum += TextbookCholesky(MatrixAt(p), _scratch);
        }

        return sum;
    }

    /// <summary>Cholesky–Banachiewicz on flat row-major arrays, as found in textbooks.</summary>
    private static T TextbookCholesky(ReadOnlySpan<T> a, Span<T> l)
    {
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * N) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * N) + k] * l[(j * N) + k];
                }

                l[(i * N) + j] = i == j ? T.Sqrt(sum) : sum / l[(j * N) + j];
            }
        }

        return l[(N * N) - 1];
    }
}
