using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Every generated QR kernel under test, one case per shape and element type.</summary>
public static class QRCases
{
    public static readonly IQRCase[] All =
    [
        new QRCase<QRD1x1, double>(1, 1),
        new QRCase<QRD2x2, double>(2, 2),
        new QRCase<QRD3x3, double>(3, 3),
        new QRCase<QRD4x4, double>(4, 4),
        new QRCase<QRD5x5, double>(5, 5),
        new QRCase<QRD6x6, double>(6, 6),
        new QRCase<QRD8x8, double>(8, 8),
        new QRCase<QRD12x12, double>(12, 12),
        new QRCase<QRD16x16, double>(16, 16),
        new QRCase<QRD24x24, double>(24, 24),
        new QRCase<QRD32x32, double>(32, 32),
        new QRCase<QRD2x1, double>(2, 1),
        new QRCase<QRD6x3, double>(6, 3),
        new QRCase<QRD8x4, double>(8, 4),
        new QRCase<QRD16x5, double>(16, 5),
        new QRCase<QRD20x8, double>(20, 8),
        new QRCase<QRD32x8, double>(32, 8),
        new QRCase<QRD32x1, double>(32, 1),
        new QRCase<QRD9x7, double>(9, 7),
        new QRCase<QRF1x1, float>(1, 1),
        new QRCase<QRF2x2, float>(2, 2),
        new QRCase<QRF3x3, float>(3, 3),
        new QRCase<QRF4x4, float>(4, 4),
        new QRCase<QRF5x5, float>(5, 5),
        new QRCase<QRF6x6, float>(6, 6),
        new QRCase<QRF8x8, float>(8, 8),
        new QRCase<QRF12x12, float>(12, 12),
        new QRCase<QRF16x16, float>(16, 16),
        new QRCase<QRF24x24, float>(24, 24),
        new QRCase<QRF32x32, float>(32, 32),
        new QRCase<QRF2x1, float>(2, 1),
        new QRCase<QRF6x3, float>(6, 3),
        new QRCase<QRF8x4, float>(8, 4),
        new QRCase<QRF16x5, float>(16, 5),
        new QRCase<QRF20x8, float>(20, 8),
        new QRCase<QRF32x8, float>(32, 8),
        new QRCase<QRF32x1, float>(32, 1),
        new QRCase<QRF9x7, float>(9, 7),
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

    public static IQRCase Get(string name) => System.Array.Find(All, c => c.Name == name)!;
}
