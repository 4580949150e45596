using System;
using System.Threading;

namespace Decomp;

/// <summary>Process-wide settings of the dynamic-size algorithms.</summary>
public static class DecompRuntime
{
    private static int maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// The most threads a single call (GEMM, factorization, solve) may use. Defaults to
    /// <see cref="Environment.ProcessorCount"/>; values above it are clamped to it when a call starts.
    /// Set it to 1 to keep every call on the calling thread (the allocation-free path).
    /// Results are bit-for-bit identical whatever the value: work is split only between output
    /// elements, never inside one element's sum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => Volatile.Read(ref maxDegreeOfParallelism);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref maxDegreeOfParallelism, value);
        }
    }

    /// <summary>The thread count a call may use now: the cap, clamped to the processor count.</summary>
    internal static int EffectiveParallelism => Math.Min(MaxDegreeOfParallelism, Environment.ProcessorCount);
}
