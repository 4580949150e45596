using System;
using System.Numerics;

namespace Decomp.Runtime.Tests;

/// <summary>Random and structured test matrices (row-major) and reference arithmetic in double.</summary>
internal static class TestMatrices
{
    /// <summary>Unit roundoff u: 2⁻⁵³ for double, 2⁻²⁴ for float.</summary>
    public static double UnitRoundoff<T>() => typeof(T) == typeof(double) ? Math.ScaleB(1, -53) : Math.ScaleB(1, -24);

    public static T[] Random<T>(Random rng, int rows, int columns, int ld = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ld < 0)
        {
            ld = columns;
        }

        var a = new T[rows == 0 ? 0 : (rows - 1) * ld + columns];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = T.CreateTruncating(rng.NextDouble() * 2 - 1);
        }

        return a;
    }

    /// <summary>Q·diag(d)·Qᵀ with Q a product of three random Householder reflectors (exactly orthogonal in exact arithmetic).</summary>
    public static double[] SymmetricWithEigenvalues(Random rng, double[] d)
    {
        int n = d.Length;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = d[i];
        }

        for (int r = 0; r < 3; r++)
        {
            double[] v = UnitVector(rng, n);
            ApplyReflectorBothSides(a, n, v);
        }

        return a;
    }

    /// <summary>U·diag(s)·Vᵀ with U, V products of random reflectors: a general matrix with singular values s.</summary>
    public static double[] GeneralWithSingularValues(Random rng, double[] s)
    {
        int n = s.Length;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = s[i];
        }

        for (int r = 0; r < 3; r++)
        {
            ApplyReflectorLeft(a, n, UnitVector(rng, n));
            ApplyReflectorRight(a, n, UnitVector(rng, n));
        }

        return a;
    }

    /// <summary>Values spread geometrically from 1 down to 1/κ.</summary>
    public static double[] Geometric(int n, double condition)
    {
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = n == 1 ? 1 : Math.Pow(condition, -(double)i / (n - 1));
        }

        return d;
    }

    public static T[] Convert<T>(double[] a) where T : unmanaged, IFloatingPointIeee754<T>
        => Array.ConvertAll(a, x => T.CreateTruncating(x));

    public static double[] ToDouble<T>(T[] a) where T : unmanaged, IFloatingPointIeee754<T>
        => Array.ConvertAll(a, x => double.CreateTruncating(x));

    /// <summary>The SPD matrix B·Bᵀ/n + I (well conditioned).</summary>
    public static double[] Spd(Random rng, int n)
    {
        double[] b = Random<double>(rng, n, n);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int p = 0; p < n; p++)
                {
                    s += b[i * n + p] * b[j * n + p];
                }

                a[i * n + j] = a[j * n + i] = s / n + (i == j ? 1 : 0);
            }
        }

        return a;
    }

    /// <summary>‖A‖₁, the largest column sum of |a|.</summary>
    public static double OneNorm(double[] a, int rows, int columns)
    {
        double best = 0;
        for (int j = 0; j < columns; j++)
        {
            double s = 0;
            for (int i = 0; i < rows; i++)
            {
                s += Math.Abs(a[i * columns + j]);
            }

            best = Math.Max(best, s);
        }

        return best;
    }

    private static double[] UnitVector(Random rng, int n)
    {
        var v = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            v[i] = rng.NextDouble() * 2 - 1;
            norm += v[i] * v[i];
        }

        norm = Math.Sqrt(norm);
        for (int i = 0; i < n; i++)
        {
            v[i] /= norm;
        }

        return v;
    }

    private static void ApplyReflectorBothSides(double[] a, int n, double[] v)
    {
        ApplyReflectorLeft(a, n, v);
        ApplyReflectorRight(a, n, v);
    }

    // A ← (I − 2vvᵀ)·A
    private static void ApplyReflectorLeft(double[] a, int n, double[] v)
    {
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                w[j] += v[i] * a[i * n + j];
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i * n + j] -= 2 * v[i] * w[j];
            }
        }
    }

    // A ← A·(I − 2vvᵀ)
    private static void ApplyReflectorRight(double[] a, int n, double[] v)
    {
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += a[i * n + j] * v[j];
            }

            for (int j = 0; j < n; j++)
            {
                a[i * n + j] -= 2 * s * v[j];
            }
        }
    }
}
