using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Every generated column-pivoted QR kernel under test, one case per shape and element type.</summary>
public static class PivotedQRCases
{
    public static readonly IPivotedQRCase[] All =
    [
        new PivotedQRCase<PivotedQRD1x1, double>(1, 1),
        new PivotedQRCase<PivotedQRD2x2, double>(2, 2),
        new PivotedQRCase<PivotedQRD3x3, double>(3, 3),
        new PivotedQRCase<PivotedQRD4x4, double>(4, 4),
        new PivotedQRCase<PivotedQRD5x5, double>(5, 5),
        new PivotedQRCase<PivotedQRD8x8, double>(8, 8),
        new PivotedQRCase<PivotedQRD12x12, double>(12, 12),
        new PivotedQRCase<PivotedQRD16x16, double>(16, 16),
        new PivotedQRCase<PivotedQRD32x32, double>(32, 32),
        new PivotedQRCase<PivotedQRD6x3, double>(6, 3),
        new PivotedQRCase<PivotedQRD8x4, double>(8, 4),
        new PivotedQRCase<PivotedQRD16x5, double>(16, 5),
        new PivotedQRCase<PivotedQRD32x8, double>(32, 8),
        new PivotedQRCase<PivotedQRD20x8, double>(20, 8),
        new PivotedQRCase<PivotedQRD32x1, double>(32, 1),
        new PivotedQRCase<PivotedQRD9x7, double>(9, 7),
        new PivotedQRCase<PivotedQRF1x1, float>(1, 1),
        new PivotedQRCase<PivotedQRF2x2, float>(2, 2),
        new PivotedQRCase<PivotedQRF3x3, float>(3, 3),
        new PivotedQRCase<PivotedQRF4x4, float>(4, 4),
        new PivotedQRCase<PivotedQRF5x5, float>(5, 5),
        new PivotedQRCase<PivotedQRF8x8, float>(8, 8),
        new PivotedQRCase<PivotedQRF12x12, float>(12, 12),
        new PivotedQRCase<PivotedQRF16x16, float>(16, 16),
        new PivotedQRCase<PivotedQRF32x32, float>(32, 32),
        new PivotedQRCase<PivotedQRF6x3, float>(6, 3),
        new PivotedQRCase<PivotedQRF8x4, float>(8, 4),
        new PivotedQRCase<PivotedQRF16x5, float>(16, 5),
        new PivotedQRCase<PivotedQRF32x8, float>(32, 8),
        new PivotedQRCase<PivotedQRF20x8, float>(20, 8),
        new PivotedQRCase<PivotedQRF32x1, float>(32, 1),
        new PivotedQRCase<PivotedQRF9x7, float>(9, 7),
    ];

    /// <summary>xunit member data: the case names.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static IPivotedQRCase Get(string name) => System.Array.Find(All, c => c.Name == name)!;
}
