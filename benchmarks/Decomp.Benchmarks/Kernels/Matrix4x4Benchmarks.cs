using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Decomp.Benchmarks.Kernels;

[Factorize(Kind.LU, Size = 4, Element = typeof(float))]
public partial struct Lu4x4;

/// <summary>
/// The generated 4×4 float LU on <see cref="Matrix4x4"/> (factor, then <c>Inverse()</c>) against
/// <see cref="Matrix4x4.Invert"/>, over a pool of 1024 general matrices (entries uniform in [-1, 1]); ns per inverse.
/// The accuracy of both is compared in the tests, not here. The <c>Dependent</c> pair makes each call's matrix depend on
/// the previous call's result (its index gains the result's bits masked by a field that holds zero), so the calls cannot
/// overlap: their time is the latency of one inverse, where the others measure the throughput of a stream of them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class Matrix4x4Benchmarks
{
    private const int Pool = 1024;
    private readonly Matrix4x4[] _matrices = new Matrix4x4[Pool];

    // Zero, but the JIT cannot know it: ANDed with a result's bits it makes the next index depend on that result.
    private int _zero;

    [GlobalSetup]
    public void Setup()
    {
        _zero = 0;
        var random = new Random(4444);
        for (var p = 0; p < Pool; p++)
        {
            var m = default(Matrix4x4);
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    m[i, j] = (float)((random.NextDouble() * 2) - 1);
                }
            }

            _matrices[p] = m;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pool)]
    public float SystemNumericsInvert()
    {
        var sum = 0f;
        for (var p = 0; p < Pool; p++)
        {
            Matrix4x4.Invert(_matrices[p], out var inverse);
            sum += inverse.M44;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public float LUFactorThenInverse()
    {
        var sum = 0f;
        for (var p = 0; p < Pool; p++)
        {
            Lu4x4.TryFactor(in _matrices[p], out var lu);
            sum += lu.Inverse().M44;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public float LUFactor()
    {
        var sum = 0f;
        for (var p = 0; p < Pool; p++)
        {
            Lu4x4.TryFactor(in _matrices[p], out var lu);
            sum += lu.Pivots[3];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public float SystemNumericsInvertDependent()
    {
        var sum = 0f;
        var zero = _zero;
        var next = 0;
        for (var p = 0; p < Pool; p++)
        {
            Matrix4x4.Invert(_matrices[(p + next) & (Pool - 1)], out var inverse);
            next = BitConverter.SingleToInt32Bits(inverse.M44) & zero;
            sum += inverse.M44;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pool)]
    public float LUFactorThenInverseDependent()
    {
        var sum = 0f;
        var zero = _zero;
        var next = 0;
        for (var p = 0; p < Pool; p++)
        {
            Lu4x4.TryFactor(in _matrices[(p + next) & (Pool - 1)], out var lu);
            var inverse = lu.Inverse();
            next = BitConverter.SingleToInt32Bits(inverse.M44) & zero;
            sum += inverse.M44;
        }

        return sum;
    }
}
