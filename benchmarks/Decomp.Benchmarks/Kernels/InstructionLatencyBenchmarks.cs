using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Decomp.Benchmarks.Kernels;

/// <summary>
/// The latency of the instructions on the small kernels' dependent chains (division, square root, cross-lane permutes),
/// each measured as a chain in which every instruction waits for the one before. The baseline is a chain of scalar
/// FMAs, whose latency is 4 cycles on Zen 4 and Zen 5, so a row's ratio × 4 is its latency in cycles on those cores.
/// The figures explain where the 4×4 LU and 8×8 Cholesky time goes (benchmarks/README.md); they are not a bar.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class InstructionLatencyBenchmarks
{
    private const int Chain = 4096;

    // Fields, so the JIT cannot fold the operands into constants.
    private double _factor = 0.9999;
    private double _tiny = 1e-300;
    private double _one = 1.0;

    [Benchmark(Baseline = true, OperationsPerInvoke = Chain)]
    public double FusedMultiplyAddDouble()
    {
        double x = 1.0, y = _factor, z = _tiny;
        for (var i = 0; i < Chain; i += 4)
        {
            x = Math.FusedMultiplyAdd(x, y, z);
            x = Math.FusedMultiplyAdd(x, y, z);
            x = Math.FusedMultiplyAdd(x, y, z);
            x = Math.FusedMultiplyAdd(x, y, z);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public double DivideDouble()
    {
        double x = 1.5, one = _one;
        for (var i = 0; i < Chain; i += 4)
        {
            x = one / x;
            x = one / x;
            x = one / x;
            x = one / x;
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Vector128<float> DivideFloat128()
    {
        var x = Vector128.Create(1.5f);
        var one = Vector128.Create((float)_one);
        for (var i = 0; i < Chain; i += 4)
        {
            x = one / x;
            x = one / x;
            x = one / x;
            x = one / x;
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public double SquareRootDouble()
    {
        var x = 2.0 + _one;
        for (var i = 0; i < Chain; i += 4)
        {
            x = Math.Sqrt(x);
            x = Math.Sqrt(x);
            x = Math.Sqrt(x);
            x = Math.Sqrt(x);
        }

        return x;
    }

    /// <summary><c>vpermilps</c> with a variable control: a permute within 128 bits.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Vector128<float> PermuteInLane128()
    {
        var x = Vector128.Create((float)_one, 2, 3, 4);
        var control = Vector128.Create(1, 2, 3, 0);
        if (!Avx.IsSupported)
        {
            return x;
        }

        for (var i = 0; i < Chain; i += 4)
        {
            x = Avx.PermuteVar(x, control);
            x = Avx.PermuteVar(x, control);
            x = Avx.PermuteVar(x, control);
            x = Avx.PermuteVar(x, control);
        }

        return x;
    }

    /// <summary><c>vpermpd</c> on a 512-bit register: a permute across its 128-bit lanes.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Vector512<double> PermuteCrossLane512()
    {
        var x = Vector512.Create(_one, 2, 3, 4, 5, 6, 7, 8);
        var control = Vector512.Create(1L, 2, 3, 4, 5, 6, 7, 0);
        if (!Avx512F.IsSupported)
        {
            return x;
        }

        for (var i = 0; i < Chain; i += 4)
        {
            x = Avx512F.PermuteVar8x64(x, control);
            x = Avx512F.PermuteVar8x64(x, control);
            x = Avx512F.PermuteVar8x64(x, control);
            x = Avx512F.PermuteVar8x64(x, control);
        }

        return x;
    }
}
