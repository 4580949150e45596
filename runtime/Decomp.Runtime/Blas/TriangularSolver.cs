using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Decomp.Threading;

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

    // Largest leaf applied as a multiplication by its inverse (B's columns contiguous, see Leaf).
    private const int InverseLeafSize = 64;

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
    /// With invertLeaves, leaves of up to 64 rows may be applied as a multiplication by their
    /// computed inverse when B's columns are contiguous: much faster there, but only normwise
    /// stable (the error grows with the leaves' condition numbers), so it is for callers whose
    /// triangles are well behaved (Cholesky factors, where κ(L₁₁)² ≤ κ(A)), not arbitrary ones.
    /// </remarks>
    public static void Left<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs, bool invertLeaves = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = DecompRuntime.EffectiveParallelism;
        if (threads > 1 && n >= 2 * MinimumChunk && (long)m * m * n >= ParallelThreshold)
        {
            LeftInParallel(threads, lower, unit, m, n, t, trs, tcs, b, brs, bcs, invertLeaves);
            return;
        }

        Solve(lower, unit, m, n, t, trs, tcs, b, brs, bcs, invertLeaves);
    }

    private static void LeftInParallel<T>(int threads, bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs, bool invertLeaves)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunk = Math.Max(MinimumChunk, (n + threads - 1) / threads);
        int count = (n + chunk - 1) / chunk;
        nint tAddress = (nint)t, bAddress = (nint)b;
        WorkerTeam.For(threads, count, index =>
        {
            int j0 = index * chunk;
            int width = Math.Min(chunk, n - j0);
            DecompRuntime.RunSerially(() =>
            {
                Solve(lower, unit, m, width, (T*)tAddress, trs, tcs, (T*)bAddress + j0 * bcs, brs, bcs, invertLeaves);
                return 0;
            });
        });
    }

    /// <summary>The recursive solve on the calling thread.</summary>
    private static void Solve<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs, bool invertLeaves)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        if (m <= LeafSize || (m <= InverseLeafSize && UsesInverseLeaf<T>(invertLeaves, m, brs, bcs)))
        {
            Leaf(lower, unit, m, n, t, trs, tcs, b, brs, bcs, invertLeaves);
            return;
        }

        // Split on a multiple of the leaf so the leaves stay full.
        int m1 = (m / 2 + LeafSize - 1) / LeafSize * LeafSize;
        int m2 = m - m1;
        T* t22 = t + m1 * trs + m1 * tcs;
        T* b2 = b + m1 * brs;
        if (lower)
        {
            Solve(lower, unit, m1, n, t, trs, tcs, b, brs, bcs, invertLeaves);
            Gemm(m2, n, m1, t + m1 * trs, trs, tcs, b, brs, bcs, b2, brs, bcs);
            Solve(lower, unit, m2, n, t22, trs, tcs, b2, brs, bcs, invertLeaves);
        }
        else
        {
            Solve(lower, unit, m2, n, t22, trs, tcs, b2, brs, bcs, invertLeaves);
            Gemm(m1, n, m2, t + m1 * tcs, trs, tcs, b2, brs, bcs, b, brs, bcs);
            Solve(lower, unit, m1, n, t, trs, tcs, b, brs, bcs, invertLeaves);
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

    /// <summary>
    /// Whether an m-row leaf multiplies by T⁻¹ instead of substituting: when B's columns are
    /// contiguous (brs = 1, bcs ≠ 1) each column is a run of full vectors, so x ← T⁻¹·x is a
    /// small GEMM with broadcast elements of x, and B needs no transposed copy.
    /// </summary>
    private static bool UsesInverseLeaf<T>(bool invertLeaves, int m, nint brs, nint bcs)
        where T : unmanaged, IFloatingPointIeee754<T>
        => invertLeaves && brs == 1 && bcs != 1 && Vector512.IsHardwareAccelerated
            && (typeof(T) == typeof(double) ? m % LeafSize == 0 && m <= InverseLeafSize
                : typeof(T) == typeof(float) && m == LeafSize);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void Leaf<T>(bool lower, bool unit, int m, int n, T* t, nint trs, nint tcs, T* b, nint brs, nint bcs, bool invertLeaves)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bcs == 1)
        {
            SolveRows(lower, unit, m, n, t, trs, tcs, b, brs);
            return;
        }

        if (UsesInverseLeaf<T>(invertLeaves, m, brs, bcs))
        {
            // W = T⁻ᵀ formed once per leaf (m³/3 flops against the m²·n/2 of applying it).
            T* inverseTransposed = stackalloc T[m * m];
            if (typeof(T) == typeof(double))
            {
                InvertTransposedDouble(lower, unit, m, (double*)t, trs, tcs, (double*)inverseTransposed);
                ApplyInverseDouble(lower, m, n, (double*)inverseTransposed, (double*)b, bcs);
            }
            else
            {
                InvertTransposed(lower, unit, m, t, trs, tcs, inverseTransposed);
                ApplyInverseSingle(n, (float*)inverseTransposed, (float*)b, bcs);
            }

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

    /// <summary>W = T⁻ᵀ for an m × m triangle (m a multiple of the vector width): W[p·m + i] = T⁻¹(i, p), zeros outside the triangle.</summary>
    /// <remarks>
    /// Tᵀ·W = I solved row by row of W, each row a vector combination of the rows already found
    /// (back substitution when T is lower, so Tᵀ is upper; forward otherwise). The inner loop runs
    /// over the row's vectors, so consecutive FMAs are independent.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InvertTransposed<T>(bool lower, bool unit, int m, T* t, nint trs, nint tcs, T* w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count;
        for (int k = 0; k < m * m; k += width)
        {
            Vector512.Store(Vector512<T>.Zero, w + k);
        }

        for (int step = 0; step < m; step++)
        {
            // Row i of W is nonzero only in columns ≥ i (T lower) or ≤ i (T upper).
            int i = lower ? m - 1 - step : step;
            int qStart = lower ? i + 1 : 0;
            int qEnd = lower ? m : i;
            int hStart = lower ? i / width * width : 0;
            int hEnd = lower ? m : (i / width + 1) * width;
            T* row = w + i * m;
            row[i] = T.One;
            for (int q = qStart; q < qEnd; q++)
            {
                // Tᵀ(i, q) = T(q, i).
                Vector512<T> f = Vector512.Create(-t[q * trs + i * tcs]);
                T* wq = w + q * m;
                for (int h = hStart; h < hEnd; h += width)
                {
                    Vector512.Store(VectorOps.Fma(f, Vector512.Load(wq + h), Vector512.Load(row + h)), row + h);
                }
            }

            if (!unit)
            {
                T reciprocal = T.One / t[i * trs + i * tcs];
                for (int h = hStart; h < hEnd; h += width)
                {
                    Vector512.Store(Vector512.Load(row + h) * reciprocal, row + h);
                }
            }
        }
    }

    /// <summary>
    /// <see cref="InvertTransposed"/> for double, m ≤ 64: each row of W is summed in up to eight
    /// vector registers over q, so the only chain is one FMA per q per register and the eight
    /// registers' FMAs are independent (storing and reloading the row each q was ~10× slower).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InvertTransposedDouble(bool lower, bool unit, int m, double* t, nint trs, nint tcs, double* w)
    {
        for (int k = 0; k < m * m; k += 8)
        {
            Vector512.Store(Vector512<double>.Zero, w + k);
        }

        for (int step = 0; step < m; step++)
        {
            // Row i of W is nonzero only in columns ≥ i (T lower) or ≤ i (T upper).
            int i = lower ? m - 1 - step : step;
            int qStart = lower ? i + 1 : 0;
            int qEnd = lower ? m : i;
            int hStart = lower ? i / 8 * 8 : 0;
            int vectors = ((lower ? m : i / 8 * 8 + 8) - hStart) / 8;
            double* row = w + i * m + hStart;
            w[i * m + i] = 1;
            Vector512<double> zero = Vector512<double>.Zero;
            Vector512<double> a0 = Vector512.Load(row);
            Vector512<double> a1 = vectors > 1 ? Vector512.Load(row + 8) : zero;
            Vector512<double> a2 = vectors > 2 ? Vector512.Load(row + 16) : zero;
            Vector512<double> a3 = vectors > 3 ? Vector512.Load(row + 24) : zero;
            Vector512<double> a4 = vectors > 4 ? Vector512.Load(row + 32) : zero;
            Vector512<double> a5 = vectors > 5 ? Vector512.Load(row + 40) : zero;
            Vector512<double> a6 = vectors > 6 ? Vector512.Load(row + 48) : zero;
            Vector512<double> a7 = vectors > 7 ? Vector512.Load(row + 56) : zero;
            for (int q = qStart; q < qEnd; q++)
            {
                // Tᵀ(i, q) = T(q, i).
                Vector512<double> f = Vector512.Create(-t[q * trs + i * tcs]);
                double* wq = w + q * m + hStart;
                a0 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq), a0);
                if (vectors > 1)
                {
                    a1 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 8), a1);
                    if (vectors > 2)
                    {
                        a2 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 16), a2);
                        if (vectors > 3)
                        {
                            a3 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 24), a3);
                            if (vectors > 4)
                            {
                                a4 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 32), a4);
                                if (vectors > 5)
                                {
                                    a5 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 40), a5);
                                    if (vectors > 6)
                                    {
                                        a6 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 48), a6);
                                        if (vectors > 7)
                                        {
                                            a7 = Vector512.FusedMultiplyAdd(f, Vector512.Load(wq + 56), a7);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Vector512<double> r = Vector512.Create(unit ? 1 : 1 / t[i * trs + i * tcs]);
            Vector512.Store(a0 * r, row);
            if (vectors > 1) { Vector512.Store(a1 * r, row + 8); }
            if (vectors > 2) { Vector512.Store(a2 * r, row + 16); }
            if (vectors > 3) { Vector512.Store(a3 * r, row + 24); }
            if (vectors > 4) { Vector512.Store(a4 * r, row + 32); }
            if (vectors > 5) { Vector512.Store(a5 * r, row + 40); }
            if (vectors > 6) { Vector512.Store(a6 * r, row + 48); }
            if (vectors > 7) { Vector512.Store(a7 * r, row + 56); }
        }
    }

    /// <summary>x ← x·W in place for each contiguous row x = b[j·ldb + 0..m), j &lt; n (W = T⁻ᵀ, m × m, m a multiple of 16).</summary>
    /// <remarks>
    /// Sixteen output columns at a time for four rows. W is upper triangular when T is lower, so
    /// output columns h.. need inputs p &lt; h + 16 only: going from the last block to the first,
    /// no block reads an input already overwritten (and mirror-wise when T is upper).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyInverseDouble(bool lower, int m, int n, double* w, double* b, nint ldb)
    {
        int blocks = m / 16;
        int j = 0;
        for (; j + 4 <= n; j += 4)
        {
            double* r0 = b + j * ldb, r1 = r0 + ldb, r2 = r1 + ldb, r3 = r2 + ldb;
            for (int block = 0; block < blocks; block++)
            {
                int h = (lower ? blocks - 1 - block : block) * 16;
                int pStart = lower ? 0 : h, pEnd = lower ? h + 16 : m;
                Vector512<double> a0 = Vector512<double>.Zero, a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
                for (int p = pStart; p < pEnd; p++)
                {
                    double* wp = w + p * m + h;
                    Vector512<double> wLow = Vector512.Load(wp), wHigh = Vector512.Load(wp + 8);
                    Vector512<double> x = Vector512.Create(r0[p]);
                    a0 = Vector512.FusedMultiplyAdd(x, wLow, a0);
                    a1 = Vector512.FusedMultiplyAdd(x, wHigh, a1);
                    x = Vector512.Create(r1[p]);
                    b0 = Vector512.FusedMultiplyAdd(x, wLow, b0);
                    b1 = Vector512.FusedMultiplyAdd(x, wHigh, b1);
                    x = Vector512.Create(r2[p]);
                    c0 = Vector512.FusedMultiplyAdd(x, wLow, c0);
                    c1 = Vector512.FusedMultiplyAdd(x, wHigh, c1);
                    x = Vector512.Create(r3[p]);
                    d0 = Vector512.FusedMultiplyAdd(x, wLow, d0);
                    d1 = Vector512.FusedMultiplyAdd(x, wHigh, d1);
                }

                Vector512.Store(a0, r0 + h); Vector512.Store(a1, r0 + h + 8);
                Vector512.Store(b0, r1 + h); Vector512.Store(b1, r1 + h + 8);
                Vector512.Store(c0, r2 + h); Vector512.Store(c1, r2 + h + 8);
                Vector512.Store(d0, r3 + h); Vector512.Store(d1, r3 + h + 8);
            }
        }

        for (; j < n; j++)
        {
            double* r0 = b + j * ldb;
            for (int block = 0; block < blocks; block++)
            {
                int h = (lower ? blocks - 1 - block : block) * 16;
                int pStart = lower ? 0 : h, pEnd = lower ? h + 16 : m;
                Vector512<double> a0 = Vector512<double>.Zero, a1 = a0;
                for (int p = pStart; p < pEnd; p++)
                {
                    Vector512<double> x = Vector512.Create(r0[p]);
                    a0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(w + p * m + h), a0);
                    a1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(w + p * m + h + 8), a1);
                }

                Vector512.Store(a0, r0 + h); Vector512.Store(a1, r0 + h + 8);
            }
        }
    }

    /// <summary>x ← x·W for each contiguous 16-float row x = b[j·ldb + 0..16), j &lt; n (W = T⁻ᵀ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyInverseSingle(int n, float* w, float* b, nint ldb)
    {
        int j = 0;
        for (; j + 4 <= n; j += 4)
        {
            float* r0 = b + j * ldb, r1 = r0 + ldb, r2 = r1 + ldb, r3 = r2 + ldb;
            Vector512<float> a0 = Vector512<float>.Zero, b0 = a0, c0 = a0, d0 = a0;
            for (int p = 0; p < 16; p++)
            {
                Vector512<float> wRow = Vector512.Load(w + p * 16);
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(r0[p]), wRow, a0);
                b0 = Vector512.FusedMultiplyAdd(Vector512.Create(r1[p]), wRow, b0);
                c0 = Vector512.FusedMultiplyAdd(Vector512.Create(r2[p]), wRow, c0);
                d0 = Vector512.FusedMultiplyAdd(Vector512.Create(r3[p]), wRow, d0);
            }

            Vector512.Store(a0, r0);
            Vector512.Store(b0, r1);
            Vector512.Store(c0, r2);
            Vector512.Store(d0, r3);
        }

        for (; j < n; j++)
        {
            float* r0 = b + j * ldb;
            Vector512<float> a0 = Vector512<float>.Zero;
            for (int p = 0; p < 16; p++)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(r0[p]), Vector512.Load(w + p * 16), a0);
            }

            Vector512.Store(a0, r0);
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
