using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Decomp.Blas;

/// <summary>Level-1 helpers on raw pointers: dot products and axpy, Vector512 where accelerated, scalar tail.</summary>
internal static unsafe class VectorOps
{
    /// <summary>Fused x·y + z on Vector512 for float or double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> z) where T : unmanaged
        => typeof(T) == typeof(double)
            ? Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>()
            : Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();

    /// <summary>Σ x[i]·y[i] for i &lt; n.</summary>
    public static T Dot<T>(T* x, T* y, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
        {
            int w = Vector512<T>.Count;
            Vector512<T> s0 = Vector512<T>.Zero, s1 = Vector512<T>.Zero;
            for (; i + 2 * w <= n; i += 2 * w)
            {
                s0 = Fma(Vector512.Load(x + i), Vector512.Load(y + i), s0);
                s1 = Fma(Vector512.Load(x + i + w), Vector512.Load(y + i + w), s1);
            }

            for (; i + w <= n; i += w)
            {
                s0 = Fma(Vector512.Load(x + i), Vector512.Load(y + i), s0);
            }

            sum = Vector512.Sum(s0 + s1);
        }

        for (; i < n; i++)
        {
            sum = T.FusedMultiplyAdd(x[i], y[i], sum);
        }

        return sum;
    }

    /// <summary>y[i] += alpha·x[i] for i &lt; n.</summary>
    public static void Axpy<T>(T alpha, T* x, T* y, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            int w = Vector512<T>.Count;
            Vector512<T> va = Vector512.Create(alpha);
            for (; i + w <= n; i += w)
            {
                Vector512.Store(Fma(va, Vector512.Load(x + i), Vector512.Load(y + i)), y + i);
            }
        }

        for (; i < n; i++)
        {
            y[i] = T.FusedMultiplyAdd(alpha, x[i], y[i]);
        }
    }

    /// <summary>Exchanges x[0..n) and y[0..n).</summary>
    public static void Swap<T>(T* x, T* y, int n) where T : unmanaged
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            int w = Vector512<T>.Count;
            for (; i + w <= n; i += w)
            {
                Vector512<T> t = Vector512.Load(x + i);
                Vector512.Store(Vector512.Load(y + i), x + i);
                Vector512.Store(t, y + i);
            }
        }

        for (; i < n; i++)
        {
            (x[i], y[i]) = (y[i], x[i]);
        }
    }
}
