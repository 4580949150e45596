using System;
using Decomp.Factorizations;
using Xunit;

namespace Decomp.Runtime.Tests;

/// <summary>
/// The pivot search of the blocked LU (the unblocked panel loops, below the NaN check of the public entry points). A NaN can
/// still reach it when the elimination overflows (∞ − ∞), and LAPACK's idamax then keeps the first candidate, as both panel loops
/// must: otherwise a row exchange is recorded that the panel never made.
/// </summary>
public class LUPivotSearchTests
{
    [Fact]
    public unsafe void NaNAtTheHeadOfAColumn_IsKeptAsThePivot_AsIdamaxDoes()
    {
        // n = 20 puts the 16-column leaf on the vector loop, whose search for column 1 rides along the update of column 0.
        const int n = 20;
        var random = new Random(20);
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 2; j < n; j++)
            {
                a[(i * n) + j] = (random.NextDouble() * 2) - 1;
            }
        }

        // Column 0 = e_0: row 0 is the pivot and the update leaves every other row as it is. Column 1: NaN in row 1, zero below.
        a[0] = 1;
        a[1] = 0.5;
        a[n + 1] = double.NaN;
        var pivots = new int[n];
        fixed (double* pa = a)
        fixed (int* pp = pivots)
        {
            BlockedLU.Factor(pa, n, n, pp);
        }

        Assert.Equal(0, pivots[0]);
        Assert.Equal(1, pivots[1]);
    }
}
