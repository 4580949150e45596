using System;
using System.Numerics;
using System.Threading.Tasks;

namespace Decomp.Blas;

/// <summary>
/// The cache-blocked, packed GEMM driver (the five BLIS loops around <see cref="GemmMicroKernel"/>):
/// C += alpha·A·B for strided views A(i, p) = a[i·ars + p·acs], B(p, j) = b[p·brs + j·bcs] and a
/// row-major C. Optionally only the lower triangle of C (j ≤ i + shift) is touched, which is SYRK.
/// </summary>
internal static unsafe class PackedGemm
{
    // Below this many multiply-adds a call stays on the calling thread (Parallel.For costs ~10 µs).
    private const long ParallelThreshold = 1L << 21;

    /// <summary>Depth of a packed panel: a KC × NR sliver of B plus a sliver of A stay in the 48 KiB L1d.</summary>
    internal static int Kc<T>() where T : unmanaged => typeof(T) == typeof(double) ? 256 : 512;

    /// <summary>Rows of a packed block of A; MC × KC sits in half of the 1 MiB L2.</summary>
    internal static int Mc<T>() where T : unmanaged => 12 * (typeof(T) == typeof(double) ? 16 : 8);

    /// <summary>Columns of a packed panel of B (KC × NC lives in L3).</summary>
    internal static int Nc<T>() where T : unmanaged => typeof(T) == typeof(double) ? 2048 : 2048;

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
    /// Splits C into chunks of whole register tiles (columns when C is wide, rows when tall) and runs
    /// them on the thread pool. Every element's sum runs over the same KC blocks in the same order in
    /// any chunk, so the result does not depend on the number of chunks.
    /// </summary>
    private static void RunParallel<T>(
        int threads, int m, int n, int k, T alpha,
        T* a, nint ars, nint acs, T* b, nint brs, nint bcs, T* c, nint ldc, bool lower, int shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool byColumns = n >= m;
        int extent = byColumns ? n : m;
        int unit = byColumns ? GemmMicroKernel.Nr<T>() : GemmMicroKernel.Mr<T>();

        // A triangle is uneven work: more, smaller chunks let the pool balance it.
        int wanted = lower ? 4 * threads : threads;
        int chunk = ((extent + wanted - 1) / wanted + unit - 1) / unit * unit;
        int count = (extent + chunk - 1) / chunk;
        if (count < 2)
        {
            Serial(m, n, k, alpha, a, ars, acs, b, brs, bcs, c, ldc, lower, shift);
            return;
        }

        var job = new Job<T>
        {
            M = m, N = n, K = k, Alpha = alpha,
            A = (nint)a, Ars = ars, Acs = acs,
            B = (nint)b, Brs = brs, Bcs = bcs,
            C = (nint)c, Ldc = ldc,
            Lower = lower, Shift = shift,
            ByColumns = byColumns, Chunk = chunk,
        };
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, job.RunChunk);
    }

    private sealed class Job<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public int M, N, K, Shift, Chunk;
        public T Alpha;
        public nint A, Ars, Acs, B, Brs, Bcs, C, Ldc;
        public bool Lower, ByColumns;

        public void RunChunk(int index)
        {
            int start = index * Chunk;
            T* a = (T*)A, b = (T*)B, c = (T*)C;
            if (ByColumns)
            {
                int width = Math.Min(Chunk, N - start);
                Serial(M, width, K, Alpha, a, Ars, Acs, b + start * Bcs, Brs, Bcs, c + start, Ldc, Lower, Shift - start);
            }
            else
            {
                int height = Math.Min(Chunk, M - start);
                Serial(height, N, K, Alpha, a + start * Ars, Ars, Acs, b, Brs, Bcs, c + start * Ldc, Ldc, Lower, Shift + start);
            }
        }
    }

    private static void Serial<T>(
        int m, int n, int k, T alpha,
        T* a, nint ars, nint acs, T* b, nint brs, nint bcs, T* c, nint ldc, bool lower, int shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmMicroKernel.Mr<T>(), nr = GemmMicroKernel.Nr<T>();
        int kcMax = Kc<T>(), mcMax = Mc<T>(), ncMax = Nc<T>();
        T* packedA = PackBuffers<T>.A(mcMax * kcMax);
        T* packedB = PackBuffers<T>.B(kcMax * ncMax);
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
    private static void Macro<T>(int mc, int nc, int kc, T* packedA, T* packedB, T* c, nint ldc, bool lower, int shift, T* tile, int mr, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int ncols = Math.Min(nr, nc - jr);
            T* bSliver = packedB + jr * kc;
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

    /// <summary>Packs alpha·A[mc × kc] into MR-row slivers, p-major within a sliver, zero-padding the last.</summary>
    private static void PackA<T>(int mc, int kc, T alpha, T* a, nint ars, nint acs, T* packed, int mr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            T* dst = packed + ir * kc;
            T* src = a + ir * ars;
            if (acs == 1)
            {
                for (int i = 0; i < rows; i++)
                {
                    T* s = src + i * ars;
                    T* d = dst + i;
                    for (int p = 0; p < kc; p++)
                    {
                        d[p * mr] = alpha * s[p];
                    }
                }
            }
            else
            {
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

    /// <summary>Packs B[kc × nc] into NR-column slivers, p-major within a sliver, zero-padding the last.</summary>
    private static void PackB<T>(int kc, int nc, T* b, nint brs, nint bcs, T* packed, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* dst = packed + jr * kc;
            T* src = b + jr * bcs;
            if (bcs == 1)
            {
                for (int p = 0; p < kc; p++)
                {
                    new ReadOnlySpan<T>(src + p * brs, cols).CopyTo(new Span<T>(dst + p * nr, cols));
                }
            }
            else
            {
                for (int j = 0; j < cols; j++)
                {
                    T* s = src + j * bcs;
                    T* d = dst + j;
                    for (int p = 0; p < kc; p++)
                    {
                        d[p * nr] = s[p * brs];
                    }
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
