using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Decomp.Blas;

/// <summary>
/// In-register transposes of double blocks for the packing routines: rows of the source become
/// p-major runs of the packed sliver, written with full-width stores instead of one element at a time.
/// </summary>
internal static unsafe class BlockTranspose
{
    /// <summary>Whether the AVX-512 transposes can run here.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// For i &lt; 8, p &lt; 8: d[p·ldd + i] = scale·s[i·lds + p] (eight source rows of eight values).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows8(double* s, nint lds, Vector512<double> scale, double* d, nint ldd)
    {
        Vector512<double> r0 = Vector512.Load(s) * scale;
        Vector512<double> r1 = Vector512.Load(s + lds) * scale;
        Vector512<double> r2 = Vector512.Load(s + 2 * lds) * scale;
        Vector512<double> r3 = Vector512.Load(s + 3 * lds) * scale;
        Vector512<double> r4 = Vector512.Load(s + 4 * lds) * scale;
        Vector512<double> r5 = Vector512.Load(s + 5 * lds) * scale;
        Vector512<double> r6 = Vector512.Load(s + 6 * lds) * scale;
        Vector512<double> r7 = Vector512.Load(s + 7 * lds) * scale;

        // Pairs of rows interleaved: t0 = r0[0] r1[0] r0[2] r1[2] r0[4] r1[4] r0[6] r1[6], t1 the odd columns.
        Vector512<double> t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1);
        Vector512<double> t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);
        Vector512<double> t4 = Avx512F.UnpackLow(r4, r5), t5 = Avx512F.UnpackHigh(r4, r5);
        Vector512<double> t6 = Avx512F.UnpackLow(r6, r7), t7 = Avx512F.UnpackHigh(r6, r7);

        // Four rows per column pair: u0 = rows 0–3 of column 0 | rows 0–3 of column 4, and so on.
        Vector512<long> even = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
        Vector512<long> odd = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
        Vector512<double> u0 = Avx512F.PermuteVar8x64x2(t0, even, t2), u2 = Avx512F.PermuteVar8x64x2(t0, odd, t2);
        Vector512<double> u1 = Avx512F.PermuteVar8x64x2(t1, even, t3), u3 = Avx512F.PermuteVar8x64x2(t1, odd, t3);
        Vector512<double> u4 = Avx512F.PermuteVar8x64x2(t4, even, t6), u6 = Avx512F.PermuteVar8x64x2(t4, odd, t6);
        Vector512<double> u5 = Avx512F.PermuteVar8x64x2(t5, even, t7), u7 = Avx512F.PermuteVar8x64x2(t5, odd, t7);

        // Rows 0–3 with rows 4–7: whole columns.
        Vector512<long> low = Vector512.Create(0L, 1, 2, 3, 8, 9, 10, 11);
        Vector512<long> high = Vector512.Create(4L, 5, 6, 7, 12, 13, 14, 15);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u0, low, u4), d);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u1, low, u5), d + ldd);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u2, low, u6), d + 2 * ldd);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u3, low, u7), d + 3 * ldd);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u0, high, u4), d + 4 * ldd);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u1, high, u5), d + 5 * ldd);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u2, high, u6), d + 6 * ldd);
        Vector512.Store(Avx512F.PermuteVar8x64x2(u3, high, u7), d + 7 * ldd);
    }

    /// <summary>
    /// For i &lt; 4, p &lt; 8: d[p·ldd + i] = scale·s[i·lds + p] (four source rows of eight values).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows4(double* s, nint lds, Vector512<double> scale, double* d, nint ldd)
    {
        Vector512<double> r0 = Vector512.Load(s) * scale;
        Vector512<double> r1 = Vector512.Load(s + lds) * scale;
        Vector512<double> r2 = Vector512.Load(s + 2 * lds) * scale;
        Vector512<double> r3 = Vector512.Load(s + 3 * lds) * scale;
        Vector512<double> t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1);
        Vector512<double> t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);

        // Column p in the low half, column p + 4 in the high half.
        Vector512<long> even = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
        Vector512<long> odd = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
        Vector512<double> u0 = Avx512F.PermuteVar8x64x2(t0, even, t2), u2 = Avx512F.PermuteVar8x64x2(t0, odd, t2);
        Vector512<double> u1 = Avx512F.PermuteVar8x64x2(t1, even, t3), u3 = Avx512F.PermuteVar8x64x2(t1, odd, t3);
        Vector256.Store(u0.GetLower(), d);
        Vector256.Store(u1.GetLower(), d + ldd);
        Vector256.Store(u2.GetLower(), d + 2 * ldd);
        Vector256.Store(u3.GetLower(), d + 3 * ldd);
        Vector256.Store(u0.GetUpper(), d + 4 * ldd);
        Vector256.Store(u1.GetUpper(), d + 5 * ldd);
        Vector256.Store(u2.GetUpper(), d + 6 * ldd);
        Vector256.Store(u3.GetUpper(), d + 7 * ldd);
    }
}
