using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Decomp.Blas;

/// <summary>
/// The register-blocked GEMM micro-kernels: C[0..MR, 0..NR] += Σₚ a[p·MR + i]·b[p·NR + j] over packed
/// slivers of A (MR values per p) and B (NR values per p). The tile is MR rows × two vectors, so
/// C rows (row-major) are stored with full-width vector loads and stores; A values are broadcast.
/// Every element's sum is acc = 0, acc = fma(a, b, acc) for p = 0, 1, …, then C + acc: the same
/// arithmetic whichever tile or thread computes it.
/// </summary>
internal static unsafe class GemmMicroKernel
{
    /// <summary>Rows of the register tile (values of A broadcast per step).</summary>
    public static int Mr<T>() where T : unmanaged
        => Vector512.IsHardwareAccelerated ? Rows512 : Vector256.IsHardwareAccelerated ? Rows256 : RowsScalar;

    /// <summary>Columns of the register tile: two vectors of B per step.</summary>
    public static int Nr<T>() where T : unmanaged
        => Vector512.IsHardwareAccelerated ? 2 * Vector512<T>.Count
            : Vector256.IsHardwareAccelerated ? 2 * Vector256<T>.Count : ColumnsScalar;

    // 12 × 2 accumulators + 2 B vectors + the broadcast fit the 32 zmm registers of AVX-512.
    private const int Rows512 = 12;

    // 6 × 2 accumulators + 2 + 1 fit the 16 ymm registers of AVX2.
    private const int Rows256 = 6;

    // Steps of the k loop left when the AVX-512 kernel starts fetching its C tile (~800 cycles).
    private const int PrefetchDistance = 64;

    private const int RowsScalar = 4;
    private const int ColumnsScalar = 4;

    /// <summary>Runs the widest kernel the hardware accelerates on one MR × NR tile of C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<T>(nint kc, T* a, T* b, T* c, nint ldc) where T : unmanaged
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Kernel512(kc, a, b, c, ldc);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Kernel256(kc, a, b, c, ldc);
        }
        else if (typeof(T) == typeof(double))
        {
            KernelScalar(kc, (double*)a, (double*)b, (double*)c, ldc);
        }
        else
        {
            KernelScalar(kc, (float*)a, (float*)b, (float*)c, ldc);
        }
    }

    /// <summary>The AVX-512 kernel: 12 rows × 2 zmm vectors (12 × 16 doubles, 12 × 32 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512<T>(nint kc, T* a, T* b, T* c, nint ldc) where T : unmanaged
    {
        nint w = Vector512<T>.Count;
        // Fetch the C tile this many steps before the end: fetched at the start, its rows (which
        // share L1 sets when ldc is a power of two) were evicted by the A and B streams before use.
        nint prefetchAt = Math.Max(0, kc - PrefetchDistance);

        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        Vector512<T> c80 = default, c81 = default;
        Vector512<T> c90 = default, c91 = default;
        Vector512<T> c100 = default, c101 = default;
        Vector512<T> c110 = default, c111 = default;
        for (nint p = 0; p < kc; p++)
        {
            if (p == prefetchAt)
            {
                PrefetchTile512(c, ldc);
            }

            Vector512<T> b0 = Vector512.Load(b);
            Vector512<T> b1 = Vector512.Load(b + w);
            Vector512<T> x;
            x = Vector512.Create(a[0]);
            c00 = Fma(x, b0, c00);
            c01 = Fma(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Fma(x, b0, c10);
            c11 = Fma(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Fma(x, b0, c20);
            c21 = Fma(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Fma(x, b0, c30);
            c31 = Fma(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Fma(x, b0, c40);
            c41 = Fma(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Fma(x, b0, c50);
            c51 = Fma(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Fma(x, b0, c60);
            c61 = Fma(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Fma(x, b0, c70);
            c71 = Fma(x, b1, c71);
            x = Vector512.Create(a[8]);
            c80 = Fma(x, b0, c80);
            c81 = Fma(x, b1, c81);
            x = Vector512.Create(a[9]);
            c90 = Fma(x, b0, c90);
            c91 = Fma(x, b1, c91);
            x = Vector512.Create(a[10]);
            c100 = Fma(x, b0, c100);
            c101 = Fma(x, b1, c101);
            x = Vector512.Create(a[11]);
            c110 = Fma(x, b0, c110);
            c111 = Fma(x, b1, c111);
            a += 12;
            b += 2 * w;
        }

        Vector512.Store(Vector512.Load(c) + c00, c);
        Vector512.Store(Vector512.Load(c + w) + c01, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c10, c);
        Vector512.Store(Vector512.Load(c + w) + c11, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c20, c);
        Vector512.Store(Vector512.Load(c + w) + c21, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c30, c);
        Vector512.Store(Vector512.Load(c + w) + c31, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c40, c);
        Vector512.Store(Vector512.Load(c + w) + c41, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c50, c);
        Vector512.Store(Vector512.Load(c + w) + c51, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c60, c);
        Vector512.Store(Vector512.Load(c + w) + c61, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c70, c);
        Vector512.Store(Vector512.Load(c + w) + c71, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c80, c);
        Vector512.Store(Vector512.Load(c + w) + c81, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c90, c);
        Vector512.Store(Vector512.Load(c + w) + c91, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c100, c);
        Vector512.Store(Vector512.Load(c + w) + c101, c + w);
        c += ldc;
        Vector512.Store(Vector512.Load(c) + c110, c);
        Vector512.Store(Vector512.Load(c + w) + c111, c + w);
    }

    /// <summary>Fetches the two cache lines of each of the 12 rows of a C tile into L1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile512<T>(T* c, nint ldc) where T : unmanaged
    {
        nint w = Vector512<T>.Count;
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(c + 0 * ldc);
            Sse.Prefetch0(c + 0 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 1 * ldc);
            Sse.Prefetch0(c + 1 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 2 * ldc);
            Sse.Prefetch0(c + 2 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 3 * ldc);
            Sse.Prefetch0(c + 3 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 4 * ldc);
            Sse.Prefetch0(c + 4 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 5 * ldc);
            Sse.Prefetch0(c + 5 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 6 * ldc);
            Sse.Prefetch0(c + 6 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 7 * ldc);
            Sse.Prefetch0(c + 7 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 8 * ldc);
            Sse.Prefetch0(c + 8 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 9 * ldc);
            Sse.Prefetch0(c + 9 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 10 * ldc);
            Sse.Prefetch0(c + 10 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 11 * ldc);
            Sse.Prefetch0(c + 11 * ldc + 2 * w - 1);
        }
    }

    /// <summary>The AVX2 kernel: 6 rows × 2 ymm vectors (6 × 8 doubles, 6 × 16 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel256<T>(nint kc, T* a, T* b, T* c, nint ldc) where T : unmanaged
    {
        nint w = Vector256<T>.Count;
        // Start fetching the C tile now; it is needed only after the k loop.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(c + 0 * ldc);
            Sse.Prefetch0(c + 0 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 1 * ldc);
            Sse.Prefetch0(c + 1 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 2 * ldc);
            Sse.Prefetch0(c + 2 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 3 * ldc);
            Sse.Prefetch0(c + 3 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 4 * ldc);
            Sse.Prefetch0(c + 4 * ldc + 2 * w - 1);
            Sse.Prefetch0(c + 5 * ldc);
            Sse.Prefetch0(c + 5 * ldc + 2 * w - 1);
        }

        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (nint p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.Load(b);
            Vector256<T> b1 = Vector256.Load(b + w);
            Vector256<T> x;
            x = Vector256.Create(a[0]);
            c00 = Fma(x, b0, c00);
            c01 = Fma(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma(x, b0, c10);
            c11 = Fma(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma(x, b0, c20);
            c21 = Fma(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma(x, b0, c30);
            c31 = Fma(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Fma(x, b0, c40);
            c41 = Fma(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Fma(x, b0, c50);
            c51 = Fma(x, b1, c51);
            a += 6;
            b += 2 * w;
        }

        Vector256.Store(Vector256.Load(c) + c00, c);
        Vector256.Store(Vector256.Load(c + w) + c01, c + w);
        c += ldc;
        Vector256.Store(Vector256.Load(c) + c10, c);
        Vector256.Store(Vector256.Load(c + w) + c11, c + w);
        c += ldc;
        Vector256.Store(Vector256.Load(c) + c20, c);
        Vector256.Store(Vector256.Load(c + w) + c21, c + w);
        c += ldc;
        Vector256.Store(Vector256.Load(c) + c30, c);
        Vector256.Store(Vector256.Load(c + w) + c31, c + w);
        c += ldc;
        Vector256.Store(Vector256.Load(c) + c40, c);
        Vector256.Store(Vector256.Load(c + w) + c41, c + w);
        c += ldc;
        Vector256.Store(Vector256.Load(c) + c50, c);
        Vector256.Store(Vector256.Load(c + w) + c51, c + w);
    }

    /// <summary>The portable 4 × 4 kernel for hardware without 256-bit SIMD.</summary>
    private static void KernelScalar<T>(nint kc, T* a, T* b, T* c, nint ldc)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero;
        for (nint p = 0; p < kc; p++)
        {
            T b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            T a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
            c00 = T.FusedMultiplyAdd(a0, b0, c00); c01 = T.FusedMultiplyAdd(a0, b1, c01);
            c02 = T.FusedMultiplyAdd(a0, b2, c02); c03 = T.FusedMultiplyAdd(a0, b3, c03);
            c10 = T.FusedMultiplyAdd(a1, b0, c10); c11 = T.FusedMultiplyAdd(a1, b1, c11);
            c12 = T.FusedMultiplyAdd(a1, b2, c12); c13 = T.FusedMultiplyAdd(a1, b3, c13);
            c20 = T.FusedMultiplyAdd(a2, b0, c20); c21 = T.FusedMultiplyAdd(a2, b1, c21);
            c22 = T.FusedMultiplyAdd(a2, b2, c22); c23 = T.FusedMultiplyAdd(a2, b3, c23);
            c30 = T.FusedMultiplyAdd(a3, b0, c30); c31 = T.FusedMultiplyAdd(a3, b1, c31);
            c32 = T.FusedMultiplyAdd(a3, b2, c32); c33 = T.FusedMultiplyAdd(a3, b3, c33);
            a += 4;
            b += 4;
        }

        c[0] += c00; c[1] += c01; c[2] += c02; c[3] += c03;
        c += ldc;
        c[0] += c10; c[1] += c11; c[2] += c12; c[3] += c13;
        c += ldc;
        c[0] += c20; c[1] += c21; c[2] += c22; c[3] += c23;
        c += ldc;
        c[0] += c30; c[1] += c31; c[2] += c32; c[3] += c33;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> z) where T : unmanaged
        => typeof(T) == typeof(double)
            ? Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>()
            : Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> z) where T : unmanaged
        => typeof(T) == typeof(double)
            ? Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>()
            : Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
}
