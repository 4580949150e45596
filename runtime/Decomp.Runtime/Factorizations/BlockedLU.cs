using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Decomp.Blas;

namespace Decomp.Factorizations;

/// <summary>
/// P·A = L·U with partial (row) pivoting on a row-major matrix. Row-major A is column-major Aᵀ, so
/// calling a column-major dgetrf would pivot columns; instead this is dgetrf's right-looking blocked
/// algorithm written for rows: row exchanges are contiguous swaps of whole rows (applied at once to
/// every column, so no separate dlaswp), the panel is factored recursively (dgetrf2) so it runs on
/// GEMM too, then U12 = L11⁻¹A12 (TRSM) and A22 −= L21·U12 (GEMM).
/// </summary>
internal static unsafe class BlockedLU
{
    /// <summary>Columns per panel: the GEMM depth of each trailing update.</summary>
    public const int BlockSize = 256;

    /// <summary>Panels at most this wide use the unblocked loop: two vectors (16 doubles, 32 floats).</summary>
    private static int UnblockedWidth<T>() where T : unmanaged
        => Vector512.IsHardwareAccelerated ? 2 * Vector512<T>.Count : 8;

    /// <summary>
    /// Factors in place; pivots[i] is the row exchanged with row i at step i. Returns -1, or the first
    /// column whose pivot is exactly zero (the factorization still completes, as dgetrf's info &gt; 0).
    /// </summary>
    /// <remarks>
    /// Lookahead: after panel j, block column j + 1 is updated and panel j + 1 factored (in its own
    /// buffer) on one thread while the other updates the rest of the trailing matrix. A panel's row
    /// exchanges outside it are applied where no concurrent work reads those columns: left of panel j
    /// by the panel thread right after the panel, and the remaining columns at the start of the next
    /// step, each by the thread that works on them next. Every column meets every exchange in the
    /// same order as on one thread, so results do not depend on the thread count.
    /// </remarks>
    public static int Factor<T>(T* a, int n, nint lda, int* pivots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int info = -1;
        if (n == 0)
        {
            return info;
        }

        int jb0 = Math.Min(BlockSize, n);
        Record(ref info, 0, FactorPanel(a, n, lda, 0, jb0, pivots));
        ApplyExchanges(a, n, lda, 0, jb0, pivots);

        // Set when panel j's exchanges still have to reach columns [j − BlockSize, j) and [j + jb, n).
        bool pending = false;
        for (int j = 0; ; )
        {
            int jb = Math.Min(BlockSize, n - j);
            int next = j + jb;
            if (next >= n)
            {
                if (pending)
                {
                    ApplyExchanges(a, lda, j, jb, pivots, j - BlockSize, j);
                    ApplyExchanges(a, lda, j, jb, pivots, next, n);
                }

                return info;
            }

            int jb2 = Math.Min(BlockSize, n - next);
            int rest = n - next - jb2;
            int panelInfo;
            if (Lookahead.Worthwhile(n - next, rest, jb))
            {
                panelInfo = FactorPanelBesideUpdate(a, n, lda, j, jb, next, jb2, rest, pivots, pending);
                pending = true;
            }
            else
            {
                if (pending)
                {
                    ApplyExchanges(a, lda, j, jb, pivots, j - BlockSize, j);
                    ApplyExchanges(a, lda, j, jb, pivots, next, n);
                    pending = false;
                }

                UpdateColumns(a, n, lda, j, jb, next, jb2);
                panelInfo = FactorPanel(a, n, lda, next, jb2, pivots);
                UpdateColumns(a, n, lda, j, jb, next + jb2, rest);
                ApplyExchanges(a, n, lda, next, jb2, pivots);
            }

            Record(ref info, next, panelInfo);
            j = next;
        }
    }

    /// <summary>
    /// Step j's update with panel <paramref name="next"/> beside it: one thread finishes panel j's
    /// exchanges on block column next and on the block left of j (when <paramref name="pending"/>),
    /// updates block column next, factors it and applies its exchanges left of j; the other applies
    /// panel j's exchanges to the rest, solves U12 there and runs the rest of the update, which the
    /// first thread joins when done.
    /// </summary>
    /// <remarks>A method of its own so the closure is allocated only on this path.</remarks>
    private static int FactorPanelBesideUpdate<T>(T* a, int n, nint lda, int j, int jb, int next, int jb2, int rest, int* pivots, bool pending)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint address = (nint)a, pivotAddress = (nint)pivots;
        T* a11 = a + j * lda + j;
        T* a12 = a + j * lda + next + jb2;
        return PackedGemm.RunBeside(
            () =>
            {
                T* m = (T*)address;
                int* p = (int*)pivotAddress;
                if (pending)
                {
                    ApplyExchanges(m, lda, j, jb, p, j - BlockSize, j);
                    ApplyExchanges(m, lda, j, jb, p, next, next + jb2);
                }

                UpdateColumns(m, n, lda, j, jb, next, jb2);
                int panelInfo = FactorPanel(m, n, lda, next, jb2, p);
                ApplyExchanges(m, lda, next, jb2, p, 0, j);
                return panelInfo;
            },
            () =>
            {
                T* m = (T*)address;
                if (pending)
                {
                    ApplyExchanges(m, lda, j, jb, (int*)pivotAddress, next + jb2, n);
                }

                TriangularSolver.Left(lower: true, unit: true, jb, rest, m + j * lda + j, lda, 1, m + j * lda + next + jb2, lda, 1);
            },
            n - j - jb, rest, jb, -T.One, a11 + jb * lda, lda, 1, a12, lda, 1, a12 + jb * lda, lda, lower: false, shift: 0);
    }

    private static void Record(ref int info, int offset, int panelInfo)
    {
        if (info < 0 && panelInfo >= 0)
        {
            info = offset + panelInfo;
        }
    }

    /// <summary>
    /// Applies step j's factors to columns [c, c + width) below row j: U12 = L11⁻¹A12, then A22 −= L21·U12.
    /// </summary>
    private static void UpdateColumns<T>(T* a, int n, nint lda, int j, int jb, int c, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (width <= 0)
        {
            return;
        }

        T* a11 = a + j * lda + j;
        T* a12 = a + j * lda + c;
        TriangularSolver.Left(lower: true, unit: true, jb, width, a11, lda, 1, a12, lda, 1);
        PackedGemm.Run(n - j - jb, width, jb, -T.One, a11 + jb * lda, lda, 1, a12, lda, 1, a12 + jb * lda, lda);
    }

    /// <summary>
    /// Factors the panel of columns [j, j + jb), rows [j, n) in a contiguous per-thread buffer whose
    /// padded stride keeps rows out of each other's cache sets (a power-of-two lda otherwise maps every
    /// row of the panel to a few sets). pivots[j..j+jb) receive global row numbers; the exchanges are
    /// applied inside the panel only.
    /// </summary>
    private static int FactorPanel<T>(T* a, int n, nint lda, int j, int jb, int* pivots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = n - j;
        int ldp = jb + 64 / sizeof(T);
        T* panel = PackBuffers<T>.Panel(rows * ldp);
        T* a11 = a + j * lda + j;
        Copy(a11, lda, panel, ldp, rows, jb);
        int info = -1;
        Panel(panel, rows, ldp, jb, 0, jb, pivots + j, ref info);
        Copy(panel, ldp, a11, lda, rows, jb);
        for (int c = j; c < j + jb; c++)
        {
            pivots[c] += j;
        }

        return info;
    }

    /// <summary>Applies the exchanges of panel [j, j + jb) to columns [from, to) only.</summary>
    private static void ApplyExchanges<T>(T* a, nint lda, int j, int jb, int* pivots, int from, int to) where T : unmanaged
    {
        from = Math.Max(from, 0);
        if (to <= from)
        {
            return;
        }

        for (int c = j; c < j + jb; c++)
        {
            int p = pivots[c];
            if (p != c)
            {
                VectorOps.Swap(a + c * lda + from, a + p * lda + from, to - from);
            }
        }
    }

    /// <summary>Applies the panel's row exchanges to the columns left and right of it.</summary>
    private static void ApplyExchanges<T>(T* a, int n, nint lda, int j, int jb, int* pivots) where T : unmanaged
    {
        for (int c = j; c < j + jb; c++)
        {
            int p = pivots[c];
            if (p != c)
            {
                VectorOps.Swap(a + c * lda, a + p * lda, j);
                VectorOps.Swap(a + c * lda + j + jb, a + p * lda + j + jb, n - j - jb);
            }
        }
    }

    private static void Copy<T>(T* source, nint sourceStride, T* destination, nint destinationStride, int rows, int columns)
        where T : unmanaged
    {
        for (int i = 0; i < rows; i++)
        {
            new ReadOnlySpan<T>(source + i * sourceStride, columns).CopyTo(new Span<T>(destination + i * destinationStride, columns));
        }
    }

    /// <summary>Factors columns [j, j + w) of rows [j, n) of an n-row panel, exchanging whole panel rows (rowLength long).</summary>
    private static void Panel<T>(T* a, int n, nint lda, int rowLength, int j, int w, int* pivots, ref int info)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (w <= UnblockedWidth<T>())
        {
            if (Vector512.IsHardwareAccelerated && j + 2 * Vector512<T>.Count <= lda)
            {
                UnblockedVector(a, n, lda, rowLength, j, w, pivots, ref info);
            }
            else
            {
                Unblocked(a, n, lda, rowLength, j, w, pivots, ref info);
            }

            return;
        }

        int w1 = w / 2;
        int w2 = w - w1;
        Panel(a, n, lda, rowLength, j, w1, pivots, ref info);
        T* a11 = a + j * lda + j;
        TriangularSolver.Left(lower: true, unit: true, w1, w2, a11, lda, 1, a11 + w1, lda, 1);
        PackedGemm.Run(n - j - w1, w2, w1, -T.One, a11 + w1 * lda, lda, 1, a11 + w1, lda, 1, a11 + w1 * lda + w1, lda);
        Panel(a, n, lda, rowLength, j + w1, w2, pivots, ref info);
    }

    /// <summary>
    /// The unblocked loop on a panel of at most two vectors' width (the row segment a[i, j .. j + 2W)
    /// must lie inside the row): each row update is two full-width FMAs against the pivot row with
    /// its finished entries masked to zero, and the next column's pivot search rides along.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnblockedVector<T>(T* a, int n, nint lda, int rowLength, int j, int w, int* pivots, ref int info)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count;
        int end = j + w;
        Vector512<T> index0 = Vector512<T>.Indices;
        Vector512<T> index1 = index0 + Vector512.Create(T.CreateTruncating(width));
        Vector512<T> limit = Vector512.Create(T.CreateTruncating(w));
        int p = Search(a, n, lda, j, j, out T best);
        for (int c = j; c < end; c++)
        {
            pivots[c] = p;
            int local = c - j;
            if (best == T.Zero)
            {
                if (info < 0)
                {
                    info = c;
                }

                if (c + 1 < end)
                {
                    p = Search(a, n, lda, c + 1, c + 1, out best);
                }

                continue;
            }

            T* rowC = a + c * lda;
            if (p != c)
            {
                VectorOps.Swap(rowC, a + p * lda, rowLength);
            }

            T pivot = rowC[c];
            bool useReciprocal = T.Abs(pivot) >= SmallestNormal<T>();
            T reciprocal = T.One / pivot;

            // The pivot row's entries right of column c inside the panel; zero elsewhere, so the
            // update leaves columns ≤ c and columns outside the panel bit-for-bit unchanged.
            Vector512<T> after = Vector512.Create(T.CreateTruncating(local));
            Vector512<T> u0 = Vector512.ConditionalSelect(
                Vector512.GreaterThan(index0, after) & Vector512.LessThan(index0, limit), Vector512.Load(rowC + j), Vector512<T>.Zero);
            Vector512<T> u1 = Vector512.ConditionalSelect(
                Vector512.GreaterThan(index1, after) & Vector512.LessThan(index1, limit), Vector512.Load(rowC + j + width), Vector512<T>.Zero);

            bool searchNext = c + 1 < end;
            int nextP = c + 1;
            T nextBest = T.Zero;
            T uNext = searchNext ? rowC[c + 1] : T.Zero;
            for (int i = c + 1; i < n; i++)
            {
                // Every scalar is read before the vector stores: reloading from a just-stored vector stalls.
                T* segment = a + i * lda + j;
                T l = useReciprocal ? segment[local] * reciprocal : segment[local] / pivot;
                T next = searchNext ? segment[local + 1] : T.Zero;
                Vector512<T> minusL = Vector512.Create(-l);
                Vector512.Store(VectorOps.Fma(minusL, u0, Vector512.Load(segment)), segment);
                Vector512.Store(VectorOps.Fma(minusL, u1, Vector512.Load(segment + width)), segment + width);
                segment[local] = l;

                // The same fused operation as the vector lane, so the search sees the stored value. The first row is the first
                // candidate whatever it holds (a NaN from an overflow too), as idamax and Search take it.
                T v = T.Abs(T.FusedMultiplyAdd(-l, uNext, next));
                if (v > nextBest || i == c + 1)
                {
                    nextBest = v;
                    nextP = i;
                }
            }

            if (searchNext)
            {
                p = nextP;
                best = nextBest;
            }
        }
    }

    /// <summary>The first row r ≥ from with the largest |a[r, column]| (as idamax).</summary>
    private static int Search<T>(T* a, int n, nint lda, int from, int column, out T best)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = from;
        best = T.Abs(a[from * lda + column]);
        for (int i = from + 1; i < n; i++)
        {
            T v = T.Abs(a[i * lda + column]);
            if (v > best)
            {
                best = v;
                p = i;
            }
        }

        return p;
    }

    private static T SmallestNormal<T>() where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(double) ? T.CreateTruncating(2.2250738585072014E-308) : T.CreateTruncating(1.17549435E-38f);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Unblocked<T>(T* a, int n, nint lda, int rowLength, int j, int w, int* pivots, ref int info)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int end = j + w;
        for (int c = j; c < end; c++)
        {
            // The first entry of largest magnitude, as idamax.
            int p = c;
            T best = T.Abs(a[c * lda + c]);
            for (int i = c + 1; i < n; i++)
            {
                T v = T.Abs(a[i * lda + c]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }

            pivots[c] = p;
            T* rowC = a + c * lda;
            if (best == T.Zero)
            {
                // Exactly singular: record the first such column, leave the zero column as it is.
                if (info < 0)
                {
                    info = c;
                }

                continue;
            }

            if (p != c)
            {
                VectorOps.Swap(rowC, a + p * lda, rowLength);
            }

            // Multiply by the reciprocal (one division per column) unless the pivot is subnormal,
            // where 1/pivot could overflow (dgetf2's sfmin test).
            T pivot = rowC[c];
            bool useReciprocal = T.Abs(pivot) >= SmallestNormal<T>();
            T reciprocal = T.One / pivot;
            int width = end - c - 1;
            for (int i = c + 1; i < n; i++)
            {
                T* rowI = a + i * lda;
                T l = useReciprocal ? rowI[c] * reciprocal : rowI[c] / pivot;
                rowI[c] = l;
                if (l != T.Zero)
                {
                    VectorOps.Axpy(-l, rowC + c + 1, rowI + c + 1, width);
                }
            }
        }
    }
}
