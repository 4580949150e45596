using System;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>
/// The checks the Householder kinds' cases (QR, PivotedQR) share, on double copies of row-major m × n data. Bounds after
/// Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., Thm 19.4 and Thm 20.3.
/// </summary>
public static class LeastSquaresChecks
{
    /// <summary>γ̃_mn = c·m·n·u with c = 2, plus the checks' own rounding in double (n·u) and a second-order slack of 4u.</summary>
    public static double Gamma(int m, int n, double u) => ((2.0 * m * n) + n + 4) * u;

    public static double Norm(double[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>b − A x.</summary>
    public static double[] Residual(double[] a, double[] b, double[] x, int m, int n)
    {
        var residual = new double[m];
        for (var i = 0; i < m; i++)
        {
            residual[i] = b[i];
            for (var j = 0; j < n; j++)
            {
                residual[i] = Math.FusedMultiplyAdd(-a[i * n + j], x[j], residual[i]);
            }
        }

        return residual;
    }

    /// <summary>
    /// Thm 20.3: x̂ is the exact least-squares solution for A + ΔA, b + Δb with ‖ΔA‖_F ≤ γ̃‖A‖_F, ‖Δb‖ ≤ γ̃‖b‖; so the
    /// normal-equations residual Aᵀr̂ = −ΔAᵀr̂ + Aᵀ(ΔA x̂ − Δb) + … is at most γ̃‖A‖_F(‖r̂‖ + ‖A‖_F‖x̂‖ + ‖b‖) to first order
    /// (n·u more for the residual's evaluation in double, inside γ̃'s slack). Checked with a factor 2 for the second order.
    /// </summary>
    public static void AssertNormalEquationsResidual(double[] a, double[] b, double[] x, int m, int n, double gamma, string what)
    {
        var residual = Residual(a, b, x, m, n);
        var normA = Norm(a);
        var bound = 2 * gamma * normA * (Norm(residual) + (normA * Norm(x)) + Norm(b));
        for (var j = 0; j < n; j++)
        {
            double atr = 0;
            for (var i = 0; i < m; i++)
            {
                atr = Math.FusedMultiplyAdd(a[i * n + j], residual[i], atr);
            }

            Assert.True(Math.Abs(atr) <= bound, $"|Aᵀr|[{j}] = {Math.Abs(atr):E3} > {bound:E3} ({what})");
        }
    }

    /// <summary>|QᵀQ − I| ≤ <paramref name="bound"/> entry by entry, Q m × n row-major.</summary>
    public static void AssertOrthonormal(double[] q, int m, int n, double bound, string what)
    {
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                double dot = 0;
                for (var i = 0; i < m; i++)
                {
                    dot = Math.FusedMultiplyAdd(q[i * n + a], q[i * n + b], dot);
                }

                var error = Math.Abs(dot - (a == b ? 1 : 0));
                Assert.True(error <= bound, $"|QᵀQ − I|[{a},{b}] = {error:E3} > {bound:E3} ({what})");
            }
        }
    }
}
