using System;
using Decomp.Blas;
using Xunit;

namespace Decomp.Runtime.Tests;

/// <summary>Tests that change <see cref="DecompRuntime.MaxDegreeOfParallelism"/> run alone.</summary>
[CollectionDefinition(nameof(ProcessWideSettings), DisableParallelization = true)]
public sealed class ProcessWideSettings;

[Collection(nameof(ProcessWideSettings))]
public class ParallelismTests
{
    /// <summary>
    /// At n = 1100 the two-thread LU overlaps two panels with their trailing updates in a row, so one panel's row
    /// exchanges are still pending while the next panel is factored: every column must still meet every exchange in
    /// the serial order.
    /// </summary>
    [Fact]
    public void ParallelLU_WithDeferredRowExchanges_EqualsSerial_BitForBit()
    {
        int n = 1100;
        double[] general = TestMatrices.Random<double>(new Random(1100), n, n);

        (double[] Lu, int[] Pivots) Run(int threads)
        {
            DecompRuntime.MaxDegreeOfParallelism = threads;
            double[] lu = (double[])general.Clone();
            int[] pivots = new int[n];
            DenseFactor.LUInPlace<double>(lu, n, n, pivots);
            return (lu, pivots);
        }

        try
        {
            var serial = Run(1);
            var parallel = Run(2);
            Assert.Equal(serial.Pivots, parallel.Pivots);
            Assert.Equal(serial.Lu, parallel.Lu);
        }
        finally
        {
            DecompRuntime.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }

    [Fact]
    public void ParallelResults_EqualSerialResults_BitForBit()
    {
        int n = 700, k = 300;
        var rng = new Random(42);
        double[] spd = TestMatrices.SymmetricWithEigenvalues(rng, TestMatrices.Geometric(n, 1e6));
        double[] general = TestMatrices.Random<double>(rng, n, n);
        double[] b = TestMatrices.Random<double>(rng, n, k);
        float[] generalF = TestMatrices.Convert<float>(general);

        (double[] Chol, double[] Lu, double[] Gemm, double[] Syrk, double[] Solve, float[] LuF) Run(int threads)
        {
            DecompRuntime.MaxDegreeOfParallelism = threads;
            double[] chol = (double[])spd.Clone();
            DenseFactor.CholeskyInPlace<double>(chol, n, n);
            double[] lu = (double[])general.Clone();
            int[] pivots = new int[n];
            DenseFactor.LUInPlace<double>(lu, n, n, pivots);
            double[] gemm = (double[])general.Clone();
            DenseBlas.Gemm(Transpose.None, Transpose.Transpose, n, n, n, -1.0, spd, n, general, n, gemm, n);
            double[] syrk = (double[])spd.Clone();
            DenseBlas.SyrkLower(n, n, 0.5, general, n, syrk, n);
            double[] x = (double[])b.Clone();
            DenseFactor.LUSolveInPlace<double>(lu, n, n, pivots, x, k, k);
            float[] luF = (float[])generalF.Clone();
            DenseFactor.LUInPlace<float>(luF, n, n, new int[n]);
            return (chol, lu, gemm, syrk, x, luF);
        }

        try
        {
            var serial = Run(1);
            foreach (int threads in new[] { 2, 3, Environment.ProcessorCount })
            {
                var parallel = Run(threads);
                Assert.Equal(serial.Chol, parallel.Chol);
                Assert.Equal(serial.Lu, parallel.Lu);
                Assert.Equal(serial.Gemm, parallel.Gemm);
                Assert.Equal(serial.Syrk, parallel.Syrk);
                Assert.Equal(serial.Solve, parallel.Solve);
                Assert.Equal(serial.LuF, parallel.LuF);
            }
        }
        finally
        {
            DecompRuntime.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }

    [Fact]
    public void MaxDegreeOfParallelism_RejectsLessThanOne_AndDefaultsToProcessorCount()
    {
        Assert.Equal(Environment.ProcessorCount, DecompRuntime.MaxDegreeOfParallelism);
        Assert.Throws<ArgumentOutOfRangeException>(() => DecompRuntime.MaxDegreeOfParallelism = 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public void SpanLayer_SingleThreaded_AllocatesNothing(int n)
    {
        var rng = new Random(n);
        double[] spd = TestMatrices.SymmetricWithEigenvalues(rng, TestMatrices.Geometric(n, 100));
        double[] general = TestMatrices.Random<double>(rng, n, n);
        float[] generalF = TestMatrices.Convert<float>(general);
        double[] a = new double[n * n], b = new double[n * 7], c = new double[n * n], work = new double[3 * n];
        float[] af = new float[n * n];
        int[] pivots = new int[n];

        void All()
        {
            spd.CopyTo(a, 0);
            DenseFactor.CholeskyInPlace<double>(a, n, n);
            DenseFactor.CholeskySolveInPlace<double>(a, n, n, b, 7, 7);
            DenseFactor.CholeskySolveInPlace<double>(a, n, n, b.AsSpan(0, n), 1, 1);
            DenseFactor.CholeskyReciprocalCondition<double>(a, n, n, 1.0, work);
            general.CopyTo(a, 0);
            DenseFactor.LUInPlace<double>(a, n, n, pivots);
            DenseFactor.LUSolveInPlace<double>(a, n, n, pivots, b, 7, 7);
            DenseFactor.LUSolveInPlace<double>(a, n, n, pivots, b, 7, 7, transpose: true);
            DenseFactor.LUReciprocalCondition<double>(a, n, n, pivots, 1.0, work);
            DenseBlas.Gemm(Transpose.Transpose, Transpose.None, n, n, n, 1.0, general, n, spd, n, c, n);
            DenseBlas.SyrkLower(n, n, 1.0, general, n, c, n);
            DenseBlas.Trsm(Side.Right, Triangle.Lower, Transpose.Transpose, Diagonal.NonUnit, n, n, a, n, c, n);
            generalF.CopyTo(af, 0);
            DenseFactor.LUInPlace<float>(af, n, n, pivots);
        }

        try
        {
            DecompRuntime.MaxDegreeOfParallelism = 1;

            // The first call allocates this thread's packing scratch and JIT-compiles.
            All();
            long before = GC.GetAllocatedBytesForCurrentThread();
            All();
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        finally
        {
            DecompRuntime.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }
}
