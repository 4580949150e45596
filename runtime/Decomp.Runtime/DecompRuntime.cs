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

    // Set on a thread running one side of a lookahead pair: its work stays on that thread so it
    // does not compete with the other side for the same cores.
    [ThreadStatic] private static bool serialOnThisThread;

    /// <summary>The thread count a call may use now: the cap, clamped to the processor count (1 inside a lookahead panel).</summary>
    internal static int EffectiveParallelism => serialOnThisThread ? 1 : Math.Min(MaxDegreeOfParallelism, Environment.ProcessorCount);

    /// <summary>Runs a function with every nested call kept on the current thread.</summary>
    internal static TResult RunSerially<TResult>(Func<TResult> function)
    {
        bool previous = serialOnThisThread;
        serialOnThisThread = true;
        try
        {
            return function();
        }
        finally
        {
            serialOnThisThread = previous;
        }
    }
}
