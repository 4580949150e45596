using System;
using System.Runtime.CompilerServices;
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
    private const int Length = 4096;

    // Fields, so the JIT cannot fold the operands into constants.
    private double _factor = 0.9999;
    private double _tiny = 1e-300;
    private double _one = 1.0;

    private interface IStep<T, TOperand>
    {
        static abstract T Apply(T x, TOperand operand);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Length)]
    public double FusedMultiplyAddDouble() => Chain<double, (double, double), FusedMultiplyAdd>(1.0, (_factor, _tiny));

    [Benchmark(OperationsPerInvoke = Length)]
    public double DivideDouble() => Chain<double, double, Reciprocal>(1.5, _one);

    [Benchmark(OperationsPerInvoke = Length)]
    public Vector128<float> DivideFloat128()
        => Chain<Vector128<float>, Vector128<float>, Reciprocal128>(Vector128.Create(1.5f), Vector128.Create((float)_one));

    [Benchmark(OperationsPerInvoke = Length)]
    public double SquareRootDouble() => Chain<double, double, SquareRoot>(2.0 + _one, 0.0);

    /// <summary><c>vpermilps</c> with a variable control: a permute within 128 bits.</summary>
    [Benchmark(OperationsPerInvoke = Length)]
    public Vector128<float> PermuteInLane128()
    {
        var x = Vector128.Create((float)_one, 2, 3, 4);
        return Avx.IsSupported ? Chain<Vector128<float>, Vector128<int>, PermuteInLane>(x, Vector128.Create(1, 2, 3, 0)) : x;
    }

    /// <summary><c>vpermpd</c> on a 512-bit register: a permute across its 128-bit lanes.</summary>
    [Benchmark(OperationsPerInvoke = Length)]
    public Vector512<double> PermuteCrossLane512()
    {
        var x = Vector512.Create(_one, 2, 3, 4, 5, 6, 7, 8);
        return Avx512F.IsSupported ? Chain<Vector512<double>, Vector512<long>, PermuteCrossLane>(x, Vector512.Create(1L, 2, 3, 4, 5, 6, 7, 0)) : x;
    }

    /// <summary><see cref="Length"/> applications of the step, each waiting for the last (the step is inlined: its type is a struct).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Chain<T, TOperand, TStep>(T x, TOperand operand)
        where TStep : struct, IStep<T, TOperand>
    {
        for (var i = 0; i < Length; i += 4)
        {
            x = TStep.Apply(x, operand);
            x = TStep.Apply(x, operand);
            x = TStep.Apply(x, operand);
            x = TStep.Apply(x, operand);
        }

        return x;
    }

    private struct FusedMultiplyAdd : IStep<double, (double Factor, double Addend)>
    {
        public static double Apply(double x, (double Factor, double Addend) operand) => Math.FusedMultiplyAdd(x, operand.Factor, operand.Addend);
    }

    private struct Reciprocal : IStep<double, double>
    {
        public static double Apply(double x, double one) => one / x;
    }

    private struct Reciprocal128 : IStep<Vector128<float>, Vector128<float>>
    {
        public static Vector128<float> Apply(Vector128<float> x, Vector128<float> one) => one / x;
    }

    private struct SquareRoot : IStep<double, double>
    {
        public static double Apply(double x, double unused) => Math.Sqrt(x);
    }

    private struct PermuteInLane : IStep<Vector128<float>, Vector128<int>>
    {
        public static Vector128<float> Apply(Vector128<float> x, Vector128<int> control) => Avx.PermuteVar(x, control);
    }

    private struct PermuteCrossLane : IStep<Vector512<double>, Vector512<long>>
    {
        public static Vector512<double> Apply(Vector512<double> x, Vector512<long> control) => Avx512F.PermuteVar8x64(x, control);
    }
}
