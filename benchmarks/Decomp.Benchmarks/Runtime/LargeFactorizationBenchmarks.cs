using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Decomp.Blas;
using MathNetMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace Decomp.Benchmarks.Runtime;

/// <summary>
/// Decomp.Runtime's blocked Cholesky, LU and GEMM against Math.NET Numerics (managed provider),
/// measured like ../shared/bench/lapack_large.cpp (dpotrf / dgetrf on n × n doubles, SPD = B·Bᵀ/n + I,
/// general = uniform in [-1, 1]). Convert to GFLOP/s with n³/3 (Cholesky), 2n³/3 (LU), 2n³ (GEMM).
/// The input is copied into the work matrix before each call, untimed (an [IterationSetup], as
/// lapack_large.cpp's untimed prep): the single-threaded copy of 8 / 32 MB cost 0.4–3 ms, up to a
/// tenth of a two-thread factorization. Math.NET runs only at n ≤ 1024 (its n = 2048 LU takes
/// seconds) and gets the same thread cap as Decomp (its managed Cholesky splits each column update
/// over Control.MaxDegreeOfParallelism threads, the processor count by default).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class LargeFactorizationBenchmarks
{
    private double[] _spd = [];
    private double[] _general = [];
    private double[] _work = [];
    private double[] _c = [];
    private int[] _pivots = [];
    private MathNetMatrix? _mathNetSpd;
    private MathNetMatrix? _mathNetGeneral;

    /// <summary>The order n.</summary>
    [Params(256, 1024, 2048)]
    public int N { get; set; }

    /// <summary>The thread cap of Decomp (<see cref="DecompRuntime.MaxDegreeOfParallelism"/>) and of Math.NET.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        DecompRuntime.MaxDegreeOfParallelism = Math.Min(Threads, Environment.ProcessorCount);
        MathNet.Numerics.Control.UseManaged();
        MathNet.Numerics.Control.MaxDegreeOfParallelism = DecompRuntime.MaxDegreeOfParallelism;
        var random = new Random(2024 + N);
        _general = new double[N * N];
        for (int i = 0; i < _general.Length; i++)
        {
            _general[i] = (random.NextDouble() * 2) - 1;
        }

        _spd = new double[N * N];
        DenseBlas.Gemm(Transpose.None, Transpose.Transpose, N, N, N, 1.0 / N, _general, N, _general, N, _spd, N);
        for (int i = 0; i < N; i++)
        {
            _spd[(i * N) + i] += 1;
        }

        _work = new double[N * N];
        _c = new double[N * N];
        _pivots = new int[N];
        if (N <= 1024)
        {
            _mathNetSpd = MathNetMatrix.Build.Dense(N, N, (i, j) => _spd[(i * N) + j]);
            _mathNetGeneral = MathNetMatrix.Build.Dense(N, N, (i, j) => _general[(i * N) + j]);
        }
    }

    [IterationSetup(Target = nameof(DecompCholesky))]
    public void CopySpd() => _spd.CopyTo(_work, 0);

    [IterationSetup(Target = nameof(DecompLU))]
    public void CopyGeneral() => _general.CopyTo(_work, 0);

    [Benchmark]
    public int DecompCholesky() => DenseFactor.CholeskyInPlace<double>(_work, N, N);

    [Benchmark]
    public int DecompLU() => DenseFactor.LUInPlace<double>(_work, N, N, _pivots);

    [Benchmark]
    public double DecompGemm()
    {
        DenseBlas.Gemm(Transpose.None, Transpose.None, N, N, N, -1.0, _general, N, _spd, N, _c, N);
        return _c[0];
    }

    [Benchmark]
    public double MathNetCholesky() => _mathNetSpd is null ? 0 : _mathNetSpd.Cholesky().Determinant;

    [Benchmark]
    public double MathNetLU() => _mathNetGeneral is null ? 0 : _mathNetGeneral.LU().Determinant;
}
