using System;
using System.Numerics;

namespace Decomp.Kernels.Tests;

/// <summary>Test matrices (row-major, double) and conversions.</summary>
public static class Matrices
{
    /// <summary>B Bᵀ + n I with B uniform in [-1, 1], as ../shared/bench/eigen_small.cpp builds them: κ₂ small.</summary>
    public static double[] RandomSpd(Random random, int n)
    {
        var b = new double[n * n];
        for (var k = 0; k < b.Length; k++)
        {
            b[k] = (random.NextDouble() * 2) - 1;
        }

        var a = MultiplyByTranspose(b, n);
        for (var i = 0; i < n; i++)
        {
            a[i * n + i] += n;
        }

        return a;
    }

    /// <summary>Q diag(λ) Qᵀ with λ spaced geometrically from 1 down to 1/κ and Q a random orthogonal matrix.</summary>
    public static double[] IllConditionedSpd(Random random, int n, double kappa)
    {
        var q = RandomOrthogonal(random, n);
        var a = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var lambda = n == 1 ? 1 : Math.Pow(kappa, -(double)k / (n - 1));
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i * n + j] += lambda * q[i * n + k] * q[j * n + k];
                }
            }
        }

        // Exact symmetry: the kernels read one triangle, the checks the other.
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                a[i * n + j] = a[j * n + i];
            }
        }

        return a;
    }

    public static double[] RandomVector(Random random, int n)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = (random.NextDouble() * 2) - 1;
        }

        return v;
    }

    /// <summary>M Mᵀ for a square row-major M.</summary>
    public static double[] MultiplyByTranspose(double[] m, int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var k = 0; k < n; k++)
                {
                    s += m[i * n + k] * m[j * n + k];
                }

                a[i * n + j] = s;
            }
        }

        return a;
    }

    public static T[] To<T>(double[] values)
        where T : IFloatingPointIeee754<T>
        => Array.ConvertAll(values, T.CreateChecked);

    public static double[] From<T>(T[] values)
        where T : IFloatingPointIeee754<T>
        => Array.ConvertAll(values, double.CreateChecked);

    public static double MaxAbs<T>(T[] values)
        where T : IFloatingPointIeee754<T>
    {
        double max = 0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(double.CreateChecked(v)));
        }

        return max;
    }

    /// <summary>Q diag(λ) Qᵀ with Q random orthogonal: symmetric (exactly) with the given eigenvalues.</summary>
    public static double[] SymmetricWithEigenvalues(Random random, double[] lambda)
    {
        var n = lambda.Length;
        var q = RandomOrthogonal(random, n);
        var a = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++)
                {
                    a[i * n + j] += lambda[k] * q[i * n + k] * q[j * n + k];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                a[i * n + j] = a[j * n + i];
            }
        }

        return a;
    }

    /// <summary>A symmetric matrix with entries uniform in [-1, 1], and zeros on the diagonal if asked.</summary>
    public static double[] RandomSymmetric(Random random, int n, bool zeroDiagonal)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var v = i == j && zeroDiagonal ? 0 : (random.NextDouble() * 2) - 1;
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }

        return a;
    }

    /// <summary>A general matrix, entries uniform in [-1, 1] (as eigen_small.cpp's general pool).</summary>
    public static double[] RandomGeneral(Random random, int n) => RandomVector(random, n * n);

    /// <summary>Q₁ Σ Q₂ᵀ with Q₁, Q₂ random orthogonal and σ_i spread geometrically from 1 to 1/κ: κ₂ = κ, not symmetric.</summary>
    public static double[] IllConditionedGeneral(Random random, int n, double kappa)
    {
        var q1 = RandomOrthogonal(random, n);
        var q2 = RandomOrthogonal(random, n);
        var a = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var sigma = n == 1 ? 1 : Math.Pow(kappa, -(double)k / (n - 1));
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i * n + j] += q1[i * n + k] * sigma * q2[j * n + k];
                }
            }
        }

        return a;
    }

    /// <summary>
    /// U Σ Vᵀ (m × n, row-major) with U (m × m) and V (n × n) random orthogonal and Σ's diagonal <paramref name="sigma"/>
    /// (n values, zeros allowed: a matrix of known rank and singular values).
    /// </summary>
    public static double[] WithSingularValues(Random random, int m, int n, double[] sigma)
    {
        var u = IllConditionedGeneral(random, m, 1);   // a random orthogonal m × m (κ = 1)
        var v = IllConditionedGeneral(random, n, 1);
        var a = new double[m * n];
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i * n + j] += u[i * m + k] * sigma[k] * v[j * n + k];
                }
            }
        }

        return a;
    }

    /// <summary>Modified Gram–Schmidt on a random matrix, twice for orthogonality to working precision.</summary>
    private static double[] RandomOrthogonal(Random random, int n)
    {
        var q = new double[n * n];
        for (var k = 0; k < q.Length; k++)
        {
            q[k] = (random.NextDouble() * 2) - 1;
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (var i = 0; i < n; i++)
                    {
                        dot += q[i * n + p] * q[i * n + j];
                    }

                    for (var i = 0; i < n; i++)
                    {
                        q[i * n + j] -= dot * q[i * n + p];
                    }
                }

                double norm = 0;
                for (var i = 0; i < n; i++)
                {
                    norm += q[i * n + j] * q[i * n + j];
                }

                norm = Math.Sqrt(norm);
                for (var i = 0; i < n; i++)
                {
                    q[i * n + j] /= norm;
                }
            }
        }

        return q;
    }
}
