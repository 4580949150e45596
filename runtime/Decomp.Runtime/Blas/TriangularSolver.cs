using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;

namespace Decomp.Blas;

/// <summary>
/// Recursive TRSM: T·X = B in place for a triangular m × m view T(i, p) = t[i·trs + p·tcs] and an
/// m × n view B(i, j) = b[i·brs + j·bcs]. Halving T turns almost all the work into packed GEMM;
/// the leaves (at most <see cref="LeafSize"/> rows) run row operations vectorized along B's rows.
/// Any side or transpose reduces to this by swapping strides (X·Lᵀ = B is L·Xᵀ = Bᵀ).
/// </summary>
internal static unsafe class TriangularSolver
{
    /// <summary>Largest triangle solved directly.</summary>
    public const int LeafSize = 16;

    // Columns of B copied at a time when B's rows are strided (so the leaf can use vector rows).
    private const int CopyWidth = 64;

    // Below this many multiply-adds (m²·n) a solve stays on the calling thread.
    private const long ParallelThreshold = 1L << 23;

    // Narrowest column range of B handed to one thread.
    private const int MinimumChunk = 128;

    /// <summary>Solves T·X = B, overwriting B with X.</summary>
    /// <remarks>
    /// B's columns are independent systems, so large solves split them between threads; each
    /// column's arithmetic is the same in any split, so results do not depend on the thread count.
    /// </remarks>
    public static void Left<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = DecompRuntime.EffectiveParallelism;
        if (threads > 1 && n >= 2 * MinimumChunk && (long)m * m * n >= ParallelThreshold)
        {
            LeftInParallel(threads, lower, unit, m, n, t, trs, tcs, b, brs, bcs);
            return;
        }

        Solve(lower, unit, m, n, t, trs, tcs, b, brs, bcs);
    }

    private static void LeftInParallel<T>(int threads, bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunk = Math.Max(MinimumChunk, (n + threads - 1) / threads);
        int count = (n + chunk - 1) / chunk;
        nint tAddress = (nint)t, bAddress = (nint)b;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, index =>
        {
            int j0 = index * chunk;
            int width = Math.Min(chunk, n - j0);
            DecompRuntime.RunSerially(() =>
            {
                Solve(lower, unit, m, width, (T*)tAddress, trs, tcs, (T*)bAddress + j0 * bcs, brs, bcs);
                return 0;
            });
        });
    }

    /// <summary>The recursive solve on the calling thread.</summary>
    private static void Solve<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        if (m <= LeafSize)
        {
            Leaf(lower, unit, m, n, t, trs, tcs, b, brs, bcs);
            return;
        }

        // Split on a multiple of the leaf so the leaves stay full.
        int m1 = (m / 2 + LeafSize - 1) / LeafSize * LeafSize;
        int m2 = m - m1;
        T* t22 = t + m1 * trs + m1 * tcs;
        T* b2 = b + m1 * brs;
        if (lower)
        {
            Solve(lower, unit, m1, n, t, trs, tcs, b, brs, bcs);
            Gemm(m2, n, m1, t + m1 * trs, trs, tcs, b, brs, bcs, b2, brs, bcs);
            Solve(lower, unit, m2, n, t22, trs, tcs, b2, brs, bcs);
        }
        else
        {
            Solve(lower, unit, m2, n, t22, trs, tcs, b2, brs, bcs);
            Gemm(m1, n, m2, t + m1 * tcs, trs, tcs, b2, brs, bcs, b, brs, bcs);
            Solve(lower, unit, m1, n, t, trs, tcs, b, brs, bcs);
        }
    }

    /// <summary>C −= A·B for a C view with either unit column stride or unit row stride.</summary>
    private static void Gemm<T>(int m, int n, int k, T* a, nint ars, nint acs, T* b, nint brs, nint bcs, T* c, nint crs, nint ccs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ccs == 1)
        {
            PackedGemm.Run(m, n, k, -T.One, a, ars, acs, b, brs, bcs, c, crs);
        }
        else
        {
            // Cᵀ −= Bᵀ·Aᵀ, with Cᵀ row-major.
            PackedGemm.Run(n, m, k, -T.One, b, bcs, brs, a, acs, ars, c, ccs);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Leaf<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bcs == 1)
        {
            SolveRows(lower, unit, m, n, t, trs, tcs, b, brs);
            return;
        }

        T* buffer = stackalloc T[LeafSize * CopyWidth];
        for (int j0 = 0; j0 < n; j0 += CopyWidth)
        {
            int width = Math.Min(CopyWidth, n - j0);
            for (int j = 0; j < width; j++)
            {
                T* column = b + (j0 + j) * bcs;
                for (int i = 0; i < m; i++)
                {
                    buffer[i * CopyWidth + j] = column[i * brs];
                }
            }

            SolveRows(lower, unit, m, width, t, trs, tcs, buffer, CopyWidth);
            for (int j = 0; j < width; j++)
            {
                T* column = b + (j0 + j) * bcs;
                for (int i = 0; i < m; i++)
                {
                    column[i * brs] = buffer[i * CopyWidth + j];
                }
            }
        }
    }

    /// <summary>Forward or back substitution on contiguous rows x[i·ldx + 0..n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SolveRows<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* x, nint ldx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int step = 0; step < m; step++)
        {
            int i = lower ? step : m - 1 - step;
            int pStart = lower ? 0 : i + 1;
            int pEnd = lower ? i : m;
            T* row = x + i * ldx;
            T* tRow = t + i * trs;
            T diagonal = unit ? T.One : tRow[i * tcs];
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                int w = Vector512<T>.Count;
                Vector512<T> d = Vector512.Create(diagonal);

                // Four independent accumulators hide the FMA latency of the chain over p.
                for (; j + 4 * w <= n; j += 4 * w)
                {
                    Vector512<T> r0 = Vector512.Load(row + j), r1 = Vector512.Load(row + j + w);
                    Vector512<T> r2 = Vector512.Load(row + j + 2 * w), r3 = Vector512.Load(row + j + 3 * w);
                    for (int p = pStart; p < pEnd; p++)
                    {
                        Vector512<T> f = Vector512.Create(-tRow[p * tcs]);
                        T* xp = x + p * ldx + j;
                        r0 = VectorOps.Fma(f, Vector512.Load(xp), r0);
                        r1 = VectorOps.Fma(f, Vector512.Load(xp + w), r1);
                        r2 = VectorOps.Fma(f, Vector512.Load(xp + 2 * w), r2);
                        r3 = VectorOps.Fma(f, Vector512.Load(xp + 3 * w), r3);
                    }

                    if (!unit)
                    {
                        r0 /= d; r1 /= d; r2 /= d; r3 /= d;
                    }

                    Vector512.Store(r0, row + j);
                    Vector512.Store(r1, row + j + w);
                    Vector512.Store(r2, row + j + 2 * w);
                    Vector512.Store(r3, row + j + 3 * w);
                }

                for (; j + w <= n; j += w)
                {
                    Vector512<T> r0 = Vector512.Load(row + j);
                    for (int p = pStart; p < pEnd; p++)
                    {
                        r0 = VectorOps.Fma(Vector512.Create(-tRow[p * tcs]), Vector512.Load(x + p * ldx + j), r0);
                    }

                    Vector512.Store(unit ? r0 : r0 / d, row + j);
                }
            }

            for (; j < n; j++)
            {
                T r = row[j];
                for (int p = pStart; p < pEnd; p++)
                {
                    r = T.FusedMultiplyAdd(-tRow[p * tcs], x[p * ldx + j], r);
                }

                row[j] = unit ? r : r / diagonal;
            }
        }
    }

    /// <summary>Solves T·x = b for one vector in place (O(m²), no packing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vector<T>(bool lower, bool unit, int m, T* t, nint trs, nint tcs, T* x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tcs == 1)
        {
            // Rows of T are contiguous: dot-product form.
            for (int step = 0; step < m; step++)
            {
                int i = lower ? step : m - 1 - step;
                T* tRow = t + i * trs;
                T s = lower ? VectorOps.Dot(tRow, x, i) : VectorOps.Dot(tRow + i + 1, x + i + 1, m - i - 1);
                T r = x[i] - s;
                x[i] = unit ? r : r / tRow[i];
            }
        }
        else
        {
            // Columns of T are contiguous (trs == 1): axpy form.
            for (int step = 0; step < m; step++)
            {
                int i = lower ? step : m - 1 - step;
                T* tColumn = t + i * tcs;
                T xi = unit ? x[i] : x[i] / tColumn[i * trs];
                x[i] = xi;
                if (lower)
                {
                    VectorOps.Axpy(-xi, tColumn + (i + 1) * trs, x + i + 1, m - i - 1);
                }
                else
                {
                    VectorOps.Axpy(-xi, tColumn, x, i);
                }
            }
        }
    }
}
