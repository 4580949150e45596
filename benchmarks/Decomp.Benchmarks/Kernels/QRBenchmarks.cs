using System;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Decomp.Benchmarks.Kernels;

/// <summary>
/// Generated Householder QR against Math.NET Numerics (managed), measured like ../shared/bench/eigen_small.cpp's
/// <c>HouseholderQR</c>: one square matrix at a time, cycling through a pool of 1024 distinct general matrices (entries
/// uniform in [-1, 1]), 64-byte aligned, ns per factorization.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[GenericTypeArguments(typeof(QRD2), typeof(double))]
[GenericTypeArguments(typeof(QRD3), typeof(double))]
[GenericTypeArguments(typeof(QRD4), typeof(double))]
[GenericTypeArguments(typeof(QRD6), typeof(double))]
[GenericTypeArguments(typeof(QRD8), typeof(double))]
[GenericTypeArguments(typeof(QRD12), typeof(double))]
[GenericTypeArguments(typeof(QRD16), typeof(double))]
[GenericTypeArguments(typeof(QRF2), typeof(float))]
[GenericTypeArguments(typeof(QRF3), typeof(float))]
[GenericTypeArguments(typeof(QRF4), typeof(float))]
[GenericTypeArguments(typeof(QRF6), typeof(float))]
[GenericTypeArguments(typeof(QRF8), typeof(float))]
[GenericTypeArguments(typeof(QRF12), typeof(float))]
[GenericTypeArguments(typeof(QRF16), typeof(float))]
public class QRBenchmarks<TKernel, T> : QRPool<TKernel, T>
    where TKernel : struct, IQRKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [Benchmark(OperationsPerInvoke = Pool)]
    public T FactorSolve()
    {
        var sum = T.Zero;
        for (var p = 0; p < Pool; p++)
        {
            TKernel.TryFactor(MatrixAt(p), out Factorization);
            Factorization.Solve(RhsAt(p), X);
            sum += X[N - 1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public T MathNetFactor()
    {
        var sum = T.Zero;
        for (var p = 0; p < Pool; p++)
        {
            sum += MathNet[p].QR().R[N - 1, N - 1];
        }

        return sum;
    }
}

/// <summary>Generated column-pivoted QR (LAPACK dlaqp2), on the same pool as <see cref="QRBenchmarks{TKernel, T}"/>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[GenericTypeArguments(typeof(PQRD4), typeof(double))]
[GenericTypeArguments(typeof(PQRD8), typeof(double))]
[GenericTypeArguments(typeof(PQRD16), typeof(double))]
[GenericTypeArguments(typeof(PQRF4), typeof(float))]
[GenericTypeArguments(typeof(PQRF8), typeof(float))]
[GenericTypeArguments(typeof(PQRF16), typeof(float))]
public class PivotedQRBenchmarks<TKernel, T> : QRPool<TKernel, T>
    where TKernel : struct, IQRKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
}

/// <summary>The pool of matrices and right-hand sides, and the factor-only benchmark both QR kinds share.</summary>
public abstract unsafe class QRPool<TKernel, T>
    where TKernel : struct, IQRKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected const int Pool = 1024;
    protected static readonly int N = (int)typeof(TKernel).GetField("Rows")!.GetRawConstantValue()!;

    private T* _matrices;
    private T* _rhs;

    protected T[] X { get; private set; } = [];

    protected MathNet.Numerics.LinearAlgebra.Matrix<T>[] MathNet { get; private set; } = [];

#pragma warning disable SA1401, CA1051 // a field, so that TryFactor can write it by reference
    protected TKernel Factorization;
#pragma warning restore SA1401, CA1051

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(65432 + N);
        _matrices = (T*)NativeMemory.AlignedAlloc((nuint)(Pool * N * N * sizeof(T)), 64);
        _rhs = (T*)NativeMemory.AlignedAlloc((nuint)(Pool * N * sizeof(T)), 64);
        X = new T[N];
        MathNet = new MathNet.Numerics.LinearAlgebra.Matrix<T>[Pool];
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
            MathNet[p] = global::MathNet.Numerics.LinearAlgebra.Matrix<T>.Build.Dense(N, N, (i, j) => m[(i * N) + j]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(_matrices);
        NativeMemory.AlignedFree(_rhs);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pool)]
    public int Factor()
    {
        var ok = 0;
        for (var p = 0; p < Pool; p++)
        {
            ok += TKernel.TryFactor(MatrixAt(p), out Factorization) ? 1 : 0;
        }

        return ok;
    }

    protected ReadOnlySpan<T> MatrixAt(int p) => new(_matrices + (p * N * N), N * N);

    protected ReadOnlySpan<T> RhsAt(int p) => new(_rhs + (p * N), N);
}
