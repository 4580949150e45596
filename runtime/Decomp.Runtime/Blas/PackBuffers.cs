using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Decomp.Blas;

/// <summary>
/// Per-thread, 64-byte aligned, pinned scratch for the packed GEMM panels. Allocated on a thread's
/// first GEMM and reused afterwards, so steady-state calls allocate nothing.
/// </summary>
internal static unsafe class PackBuffers<T> where T : unmanaged
{
    [ThreadStatic] private static T[]? packedA;
    [ThreadStatic] private static T[]? packedB;

    /// <summary>Scratch for a packed block of A (at least <paramref name="elements"/> elements).</summary>
    public static T* A(int elements) => Aligned(ref packedA, elements);

    /// <summary>Scratch for a packed panel of B (at least <paramref name="elements"/> elements).</summary>
    public static T* B(int elements) => Aligned(ref packedB, elements);

    private static T* Aligned(ref T[]? buffer, int elements)
    {
        int slack = 64 / sizeof(T);
        if (buffer is null || buffer.Length < elements + slack)
        {
            buffer = GC.AllocateUninitializedArray<T>(elements + slack, pinned: true);
        }

        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((address + 63) & ~(nint)63);
    }
}
