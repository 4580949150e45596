using System;

namespace Decomp.Kernels.Tests;

/// <summary>Bytes a piece of code allocates on this thread, after a warm-up (so JIT and first-call allocations do not count).</summary>
public static class Allocations
{
    public static long Of(Action exercise)
    {
        for (var i = 0; i < 3; i++)
        {
            exercise();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            exercise();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
