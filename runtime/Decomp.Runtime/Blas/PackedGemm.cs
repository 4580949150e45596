using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading;
using Decomp.Threading;

namespace Decomp.Blas;

/// <summary>
/// The cache-blocked, packed GEMM driver (the five BLIS loops around <see cref="GemmMicroKernel"/>):
/// C += alpha·A·B for strided views A(i, p) = a[i·ars + p·acs], B(p, j) = b[p·brs + j·bcs] and a
/// row-major C. Optionally only the lower triangle of C (j ≤ i + shift) is touched, which is SYRK.
/// </summary>
internal static unsafe class PackedGemm
{
    // Below this many multiply-adds a call stays on the calling thread (a hand-off costs a few µs).
    private const long ParallelThreshold = 1L << 21;

    // Narrowest column range a parallel GEMM hands to one task.
    private const int MinimumChunk = 128;

    // Rows of C per parallel task (a multiple of every MR, at most MC): small enough to balance two
    // threads over a few hundred rows.
    private const int ParallelRowBlock = 96;

    /// <summary>Depth of a packed panel: the KC × NR sliver of B (32 KiB) stays in the 48 KiB L1d while A slivers stream from L2.</summary>
    internal static int Kc<T>() where T : unmanaged => typeof(T) == typeof(double) ? 256 : 512;

    /// <summary>Rows of a packed block of A (a multiple of MR); MC × KC (576 KiB) sits in the 1 MiB L2.</summary>
    internal static int Mc<T>() where T : unmanaged => 288;

    /// <summary>Columns of a packed panel of B (KC × NC lives in L3).</summary>
    internal static int Nc<T>() where T : unmanaged => 2048;

    /// <summary>
    /// C[m × n] += alpha·A[m × k]·B[k × n] (C row-major with leading dimension ldc). When
    /// <paramref name="lower"/> is set, only elements with column ≤ row + <paramref name="shift"/> are updated.
    /// </summary>
    public static void Run<T>(
        int m, int n, int k, T alpha,
        T* a, nint ars, nint acs,
        T* b, nint brs, nint bcs,
        T* c, nint ldc,
        bool lower = false, int shift = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m <= 0 || n <= 0 || k <= 0 || alpha == T.Zero)
        {
            return;
        }

        int threads = DecompRuntime.EffectiveParallelism;
        if (threads > 1 && (long)m * n * k >= ParallelThreshold)
        {
            RunParallel(threads, m, n, k, alpha, a, ars, acs, b, brs, bcs, c, ldc, lower, shift);
            return;
        }

        Serial(m, n, k, alpha, a, ars, acs, b, brs, bcs, c, ldc, lower, shift);
    }

    /// <summary>
    /// The multi-threaded driver, BLIS-style: each KC × NC panel of B is packed once and shared, then
    /// the threads take row blocks of C (each packing only its own block of A), or, when C has few
    /// rows, column ranges of the shared panel (sharing one packed A). Every element's sum runs over
    /// the same KC blocks in the same order as in <see cref="Serial"/>, so results do not depend on
    /// the thread count.
    /// </summary>
    private static void RunParallel<T>(
        int threads, int m, int n, int k, T alpha,
        T* a, nint ars, nint acs, T* b, nint brs, nint bcs, T* c, nint ldc, bool lower, int shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmMicroKernel.Mr<T>(), nr = GemmMicroKernel.Nr<T>();
        int kcMax = Kc<T>(), mcMax = Mc<T>(), ncMax = Nc<T>();
        var job = new Job<T>
        {
            Alpha = alpha, A = (nint)a, Ars = ars, Acs = acs, C = (nint)c, Ldc = ldc, Lower = lower,
            Mr = mr, Nr = nr, M = m,
            PackedB = (nint)PackBuffers<T>.B((ncMax / nr + 1) * (int)SliverStrideB<T>(kcMax, nr)),
            PackedA = (nint)PackBuffers<T>.A(mcMax * kcMax),
        };
        bool byRows = m >= 2 * ParallelRowBlock;
        var packing = new PackBJob<T> { Brs = brs, Bcs = bcs, Packed = job.PackedB, Nr = nr };
        for (int jc = 0; jc < n; jc += ncMax)
        {
            if (lower && jc > m - 1 + shift)
            {
                break;
            }

            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                packing.B = (nint)(b + pc * brs + jc * bcs);
                packing.Kc = kc;
                packing.Nc = nc;
                packing.Run(threads);
                job.Jc = jc;
                job.Pc = pc;
                job.Kc = kc;
                job.Nc = nc;
                job.Shift = shift;
                if (byRows)
                {
                    WorkerTeam.For(threads, (m + ParallelRowBlock - 1) / ParallelRowBlock, job.RunRowBlock);
                }
                else
                {
                    // Few rows: one shared packed A, threads split the columns of the B panel.
                    PackA(m, kc, alpha, a + pc * acs, ars, acs, (T*)job.PackedA, mr);
                    int wanted = 4 * threads;
                    job.Chunk = (Math.Max(MinimumChunk, (nc + wanted - 1) / wanted) + nr - 1) / nr * nr;
                    WorkerTeam.For(threads, (nc + job.Chunk - 1) / job.Chunk, job.RunColumnChunk);
                }
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="side"/> (kept on one thread) beside C += alpha·A·B without oversubscribing
    /// the cores: the calling thread first runs <paramref name="first"/>, then packs B once and works
    /// through C's row blocks, and the side thread joins the same blocks as soon as it is done. Used
    /// for lookahead, where the side work is the next panel. Results equal <see cref="Run"/>'s.
    /// </summary>
    public static TResult RunBeside<T, TResult>(
        Func<TResult> side, Action? first,
        int m, int n, int k, T alpha,
        T* a, nint ars, nint acs, T* b, nint brs, nint bcs, T* c, nint ldc, bool lower, int shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmMicroKernel.Mr<T>(), nr = GemmMicroKernel.Nr<T>();
        bool shared = m >= 2 * ParallelRowBlock && n > 0 && k > 0 && k <= Kc<T>() && n <= Nc<T>() && alpha != T.Zero;
        var job = new Job<T>
        {
            Alpha = alpha, A = (nint)a, Ars = ars, Acs = acs, C = (nint)c, Ldc = ldc, Lower = lower,
            Mr = mr, Nr = nr, M = m, Kc = k, Nc = n, Shift = shift,
        };
        using var ready = new ManualResetEventSlim(false);
        TResult result = default!;
        WorkerTeam.Pending helper = WorkerTeam.Start(() =>
        {
            result = DecompRuntime.RunSerially(side);
            ready.Wait();
            job.Drain();
        });

        try
        {
            if (first is not null)
            {
                DecompRuntime.RunSerially(() =>
                {
                    first();
                    return 0;
                });
            }

            if (shared)
            {
                T* packedB = PackBuffers<T>.B((Nc<T>() / nr + 1) * (int)SliverStrideB<T>(Kc<T>(), nr));
                PackB(k, n, b, brs, bcs, packedB, nr);
                job.PackedB = (nint)packedB;
                job.Blocks = (m + ParallelRowBlock - 1) / ParallelRowBlock;
                ready.Set();
                job.Drain();
            }
            else
            {
                // Nothing to share (several KC/NC panels, or too few rows): release the helper, run normally.
                ready.Set();
                Run(m, n, k, alpha, a, ars, acs, b, brs, bcs, c, ldc, lower, shift);
            }
        }
        finally
        {
            ready.Set();
        }

        helper.Join();
        return result;
    }

    private sealed class Job<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public T Alpha;
        public nint A, Ars, Acs, C, Ldc, PackedA, PackedB;
        public bool Lower;
        public int Mr, Nr, M, Jc, Pc, Kc, Nc, Shift, Chunk, Blocks;
        private int next;

        /// <summary>Takes row blocks from the shared counter until none are left.</summary>
        public void Drain()
        {
            int index;
            while ((index = Interlocked.Increment(ref next) - 1) < Blocks)
            {
                RunRowBlock(index);
            }
        }

        /// <summary>Packs this thread's block of A and multiplies it with the shared B panel.</summary>
        public void RunRowBlock(int index)
        {
            // In a lower triangle the last row blocks carry the most work: hand them out first, so the
            // threads run out of work together instead of one finishing the largest block alone.
            if (Lower)
            {
                index = (M + ParallelRowBlock - 1) / ParallelRowBlock - 1 - index;
            }

            int ic = index * ParallelRowBlock;
            int mc = Math.Min(ParallelRowBlock, M - ic);
            if (Lower && Jc > ic + mc - 1 + Shift)
            {
                return;
            }

            T* packedA = PackBuffers<T>.A(Mc<T>() * Kc<T>());
            T* tile = stackalloc T[Mr * Nr];
            PackA(mc, Kc, Alpha, (T*)A + ic * Ars + Pc * Acs, Ars, Acs, packedA, Mr);
            Macro(mc, Nc, Kc, packedA, (T*)PackedB, (T*)C + ic * Ldc + Jc, Ldc, Lower, Shift + ic - Jc, tile, Mr, Nr);
        }

        /// <summary>Multiplies the shared packed A with one column range of the shared B panel.</summary>
        public void RunColumnChunk(int index)
        {
            int j0 = index * Chunk;
            int width = Math.Min(Chunk, Nc - j0);
            T* tile = stackalloc T[Mr * Nr];
            T* bPanel = (T*)PackedB + (j0 / Nr) * SliverStrideB<T>(Kc, Nr);
            Macro(M, width, Kc, (T*)PackedA, bPanel, (T*)C + Jc + j0, Ldc, Lower, Shift - Jc - j0, tile, Mr, Nr);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Serial<T>(
        int m, int n, int k, T alpha,
        T* a, nint ars, nint acs, T* b, nint brs, nint bcs, T* c, nint ldc, bool lower, int shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmMicroKernel.Mr<T>(), nr = GemmMicroKernel.Nr<T>();
        int kcMax = Kc<T>(), mcMax = Mc<T>(), ncMax = Nc<T>();
        T* packedA = PackBuffers<T>.A(mcMax * kcMax);
        T* packedB = PackBuffers<T>.B((ncMax / nr + 1) * (int)SliverStrideB<T>(kcMax, nr));
        T* tile = stackalloc T[mr * nr];

        for (int jc = 0; jc < n; jc += ncMax)
        {
            // The lower triangle has nothing right of column (m - 1) + shift.
            if (lower && jc > m - 1 + shift)
            {
                break;
            }

            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                PackB(kc, nc, b + pc * brs + jc * bcs, brs, bcs, packedB, nr);
                for (int ic = 0; ic < m; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, m - ic);
                    if (lower && jc > ic + mc - 1 + shift)
                    {
                        continue;
                    }

                    PackA(mc, kc, alpha, a + ic * ars + pc * acs, ars, acs, packedA, mr);
                    Macro(mc, nc, kc, packedA, packedB, c + ic * ldc + jc, ldc, lower, shift + ic - jc, tile, mr, nr);
                }
            }
        }
    }

    /// <summary>Runs the micro-kernel over an mc × nc block from packed A and B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Macro<T>(int mc, int nc, int kc, T* packedA, T* packedB, T* c, nint ldc, bool lower, int shift, T* tile, int mr, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int ncols = Math.Min(nr, nc - jr);
            T* bSliver = packedB + (jr / nr) * SliverStrideB<T>(kc, nr);
            for (int ir = 0; ir < mc; ir += mr)
            {
                int nrows = Math.Min(mr, mc - ir);

                // Local triangle: tile element (i, j) is wanted when j ≤ i + s.
                int s = shift + ir - jr;
                if (lower && s < -(nrows - 1))
                {
                    continue;
                }

                T* cTile = c + ir * ldc + jr;
                T* aSliver = packedA + ir * kc;
                if (nrows == mr && ncols == nr && (!lower || nr - 1 <= s))
                {
                    GemmMicroKernel.Run(kc, aSliver, bSliver, cTile, ldc);
                    continue;
                }

                // Edge or diagonal tile: compute the full padded tile aside, add back only the wanted part.
                new Span<T>(tile, mr * nr).Clear();
                GemmMicroKernel.Run(kc, aSliver, bSliver, tile, nr);
                for (int i = 0; i < nrows; i++)
                {
                    int jEnd = lower ? Math.Min(ncols, i + s + 1) : ncols;
                    T* cRow = cTile + i * ldc;
                    T* tRow = tile + i * nr;
                    for (int j = 0; j < jEnd; j++)
                    {
                        cRow[j] += tRow[j];
                    }
                }
            }
        }
    }

    // Rows ahead that PackA prefetches.
    private const int PrefetchRows = 2;

    /// <summary>
    /// Distance between packed B slivers: kc·NR plus one cache line, so the slivers written together
    /// while B is walked row by row do not all map to one L1 set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint SliverStrideB<T>(int kc, int nr) where T : unmanaged => (nint)kc * nr + 64 / sizeof(T);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch<T>(T* address) where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(address);
        }
    }

    /// <summary>Packs alpha·A[mc × kc] into MR-row slivers, p-major within a sliver, zero-padding the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA<T>(int mc, int kc, T alpha, T* a, nint ars, nint acs, T* packed, int mr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            T* dst = packed + ir * kc;
            T* src = a + ir * ars;
            if (acs == 1 && typeof(T) == typeof(double) && BlockTranspose.IsSupported && mr == 12 && rows == 12)
            {
                PackRowsTransposed(12, kc, Unsafe.As<T, double>(ref alpha), (double*)src, ars, (double*)dst);
            }
            else if (acs == 1)
            {
                // Read each source row sequentially (prefetcher-friendly); the strided writes hit the
                // L1-resident sliver.
                int lineElements = 64 / sizeof(T);
                for (int i = 0; i < rows; i++)
                {
                    T* s = src + i * ars;
                    T* d = dst + i;

                    // Source rows are far apart; fetch a few rows ahead so the copy is not latency-bound.
                    T* ahead = s + PrefetchRows * ars;
                    for (int p = 0; p < kc; p += lineElements)
                    {
                        Prefetch(ahead + p);
                    }

                    for (int p = 0; p < kc; p++)
                    {
                        d[p * mr] = alpha * s[p];
                    }
                }
            }
            else
            {
                // Transposed A: each p is a contiguous run of rows.
                for (int p = 0; p < kc; p++)
                {
                    T* s = src + p * acs;
                    T* d = dst + p * mr;
                    for (int i = 0; i < rows; i++)
                    {
                        d[i] = alpha * s[i * ars];
                    }
                }
            }

            if (rows < mr)
            {
                for (int p = 0; p < kc; p++)
                {
                    new Span<T>(dst + p * mr + rows, mr - rows).Clear();
                }
            }
        }
    }

    /// <summary>
    /// Packs <paramref name="rows"/> (12 or 16) rows of a row-major source into a p-major sliver,
    /// d[p·rows + i] = scale·s[i·lds + p], eight values of p at a time through register transposes
    /// (the element-by-element copy with its strided stores took 10 % of a GEMM at n = 1024).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRowsTransposed(int rows, int kc, double scale, double* s, nint lds, double* d)
    {
        Vector512<double> factor = Vector512.Create(scale);
        int p = 0;
        for (; p + 8 <= kc; p += 8)
        {
            BlockTranspose.Rows8(s + p, lds, factor, d + p * rows, rows);
            if (rows == 12)
            {
                BlockTranspose.Rows4(s + 8 * lds + p, lds, factor, d + p * rows + 8, rows);
            }
            else
            {
                BlockTranspose.Rows8(s + 8 * lds + p, lds, factor, d + p * rows + 8, rows);
            }
        }

        for (; p < kc; p++)
        {
            for (int i = 0; i < rows; i++)
            {
                d[p * rows + i] = scale * s[i * lds + p];
            }
        }
    }

    /// <summary>
    /// Packs a KC × NC panel of B with every thread: the slivers are split into one contiguous range a thread. Each
    /// sliver is packed exactly as <see cref="PackB"/> packs it alone, so the packed panel does not depend on the split.
    /// </summary>
    private sealed class PackBJob<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public nint B;
        public nint Brs;
        public nint Bcs;
        public nint Packed;
        public int Kc;
        public int Nc;
        public int Nr;
        private int _slivers;
        private int _pieces;

        public void Run(int threads)
        {
            _slivers = (Nc + Nr - 1) / Nr;
            _pieces = Math.Min(threads, _slivers / 8);
            if (_pieces <= 1)
            {
                PackB(Kc, Nc, (T*)B, Brs, Bcs, (T*)Packed, Nr);
                return;
            }

            WorkerTeam.For(threads, _pieces, PackPiece);
        }

        private void PackPiece(int piece)
        {
            int first = _slivers * piece / _pieces, last = _slivers * (piece + 1) / _pieces;
            int j0 = first * Nr, columns = Math.Min(last * Nr, Nc) - j0;
            PackB(Kc, columns, (T*)B + j0 * Bcs, Brs, Bcs, (T*)Packed + first * SliverStrideB<T>(Kc, Nr), Nr);
        }
    }

    /// <summary>Packs B[kc × nc] into NR-column slivers, p-major within a sliver, zero-padding the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB<T>(int kc, int nc, T* b, nint brs, nint bcs, T* packed, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int full = nc / nr * nr;
        if (bcs == 1)
        {
            // Walk B row by row (sequential reads), dealing each row's NR-wide pieces to the slivers.
            for (int p = 0; p < kc; p++)
            {
                T* s = b + p * brs;
                T* d = packed + p * nr;
                nint stride = SliverStrideB<T>(kc, nr);
                int jr = 0;
                if (Vector512.IsHardwareAccelerated && nr == 2 * Vector512<T>.Count)
                {
                    int w = Vector512<T>.Count;
                    for (; jr < full; jr += nr)
                    {
                        T* dj = d + (jr / nr) * stride;
                        Vector512.Store(Vector512.Load(s + jr), dj);
                        Vector512.Store(Vector512.Load(s + jr + w), dj + w);
                    }
                }

                for (; jr < full; jr += nr)
                {
                    new ReadOnlySpan<T>(s + jr, nr).CopyTo(new Span<T>(d + (jr / nr) * stride, nr));
                }

                if (full < nc)
                {
                    T* dj = d + (full / nr) * stride;
                    int cols = nc - full;
                    new ReadOnlySpan<T>(s + full, cols).CopyTo(new Span<T>(dj, cols));
                    new Span<T>(dj + cols, nr - cols).Clear();
                }
            }

            return;
        }

        // Transposed B: each column j of the view is a contiguous run over p.
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* dst = packed + (jr / nr) * SliverStrideB<T>(kc, nr);
            if (brs == 1 && typeof(T) == typeof(double) && BlockTranspose.IsSupported && nr == 16 && cols == 16)
            {
                PackRowsTransposed(16, kc, 1.0, (double*)(b + jr * bcs), bcs, (double*)dst);
                continue;
            }

            for (int j = 0; j < cols; j++)
            {
                T* s = b + (jr + j) * bcs;
                T* d = dst + j;
                for (int p = 0; p < kc; p++)
                {
                    d[p * nr] = s[p * brs];
                }
            }

            if (cols < nr)
            {
                for (int p = 0; p < kc; p++)
                {
                    new Span<T>(dst + p * nr + cols, nr - cols).Clear();
                }
            }
        }
    }
}
