using Decomp;

namespace Decomp.Kernels.Tests;

// Square and tall shapes, both element types: the compile-and-run matrix of the column-pivoted QR tests.
[Factorize(Kind.PivotedQR, Size = 1)] public partial struct PivotedQRD1x1 : IPivotedQRKernel<PivotedQRD1x1, double>;
[Factorize(Kind.PivotedQR, Size = 2)] public partial struct PivotedQRD2x2 : IPivotedQRKernel<PivotedQRD2x2, double>;
[Factorize(Kind.PivotedQR, Size = 3)] public partial struct PivotedQRD3x3 : IPivotedQRKernel<PivotedQRD3x3, double>;
[Factorize(Kind.PivotedQR, Size = 4)] public partial struct PivotedQRD4x4 : IPivotedQRKernel<PivotedQRD4x4, double>;
[Factorize(Kind.PivotedQR, Size = 5)] public partial struct PivotedQRD5x5 : IPivotedQRKernel<PivotedQRD5x5, double>;
[Factorize(Kind.PivotedQR, Size = 8)] public partial struct PivotedQRD8x8 : IPivotedQRKernel<PivotedQRD8x8, double>;
[Factorize(Kind.PivotedQR, Size = 12)] public partial struct PivotedQRD12x12 : IPivotedQRKernel<PivotedQRD12x12, double>;
[Factorize(Kind.PivotedQR, Size = 16)] public partial struct PivotedQRD16x16 : IPivotedQRKernel<PivotedQRD16x16, double>;
[Factorize(Kind.PivotedQR, Size = 32)] public partial struct PivotedQRD32x32 : IPivotedQRKernel<PivotedQRD32x32, double>;
[Factorize(Kind.PivotedQR, Rows = 6, Columns = 3)] public partial struct PivotedQRD6x3 : IPivotedQRKernel<PivotedQRD6x3, double>;
[Factorize(Kind.PivotedQR, Rows = 8, Columns = 4)] public partial struct PivotedQRD8x4 : IPivotedQRKernel<PivotedQRD8x4, double>;
[Factorize(Kind.PivotedQR, Rows = 16, Columns = 5)] public partial struct PivotedQRD16x5 : IPivotedQRKernel<PivotedQRD16x5, double>;
[Factorize(Kind.PivotedQR, Rows = 32, Columns = 8)] public partial struct PivotedQRD32x8 : IPivotedQRKernel<PivotedQRD32x8, double>;
[Factorize(Kind.PivotedQR, Rows = 20, Columns = 8)] public partial struct PivotedQRD20x8 : IPivotedQRKernel<PivotedQRD20x8, double>;
[Factorize(Kind.PivotedQR, Rows = 32, Columns = 1)] public partial struct PivotedQRD32x1 : IPivotedQRKernel<PivotedQRD32x1, double>;
[Factorize(Kind.PivotedQR, Rows = 9, Columns = 7)] public partial struct PivotedQRD9x7 : IPivotedQRKernel<PivotedQRD9x7, double>;
[Factorize(Kind.PivotedQR, Size = 1, Element = typeof(float))] public partial struct PivotedQRF1x1 : IPivotedQRKernel<PivotedQRF1x1, float>;
[Factorize(Kind.PivotedQR, Size = 2, Element = typeof(float))] public partial struct PivotedQRF2x2 : IPivotedQRKernel<PivotedQRF2x2, float>;
[Factorize(Kind.PivotedQR, Size = 3, Element = typeof(float))] public partial struct PivotedQRF3x3 : IPivotedQRKernel<PivotedQRF3x3, float>;
[Factorize(Kind.PivotedQR, Size = 4, Element = typeof(float))] public partial struct PivotedQRF4x4 : IPivotedQRKernel<PivotedQRF4x4, float>;
[Factorize(Kind.PivotedQR, Size = 5, Element = typeof(float))] public partial struct PivotedQRF5x5 : IPivotedQRKernel<PivotedQRF5x5, float>;
[Factorize(Kind.PivotedQR, Size = 8, Element = typeof(float))] public partial struct PivotedQRF8x8 : IPivotedQRKernel<PivotedQRF8x8, float>;
[Factorize(Kind.PivotedQR, Size = 12, Element = typeof(float))] public partial struct PivotedQRF12x12 : IPivotedQRKernel<PivotedQRF12x12, float>;
[Factorize(Kind.PivotedQR, Size = 16, Element = typeof(float))] public partial struct PivotedQRF16x16 : IPivotedQRKernel<PivotedQRF16x16, float>;
[Factorize(Kind.PivotedQR, Size = 32, Element = typeof(float))] public partial struct PivotedQRF32x32 : IPivotedQRKernel<PivotedQRF32x32, float>;
[Factorize(Kind.PivotedQR, Rows = 6, Columns = 3, Element = typeof(float))] public partial struct PivotedQRF6x3 : IPivotedQRKernel<PivotedQRF6x3, float>;
[Factorize(Kind.PivotedQR, Rows = 8, Columns = 4, Element = typeof(float))] public partial struct PivotedQRF8x4 : IPivotedQRKernel<PivotedQRF8x4, float>;
[Factorize(Kind.PivotedQR, Rows = 16, Columns = 5, Element = typeof(float))] public partial struct PivotedQRF16x5 : IPivotedQRKernel<PivotedQRF16x5, float>;
[Factorize(Kind.PivotedQR, Rows = 32, Columns = 8, Element = typeof(float))] public partial struct PivotedQRF32x8 : IPivotedQRKernel<PivotedQRF32x8, float>;
[Factorize(Kind.PivotedQR, Rows = 20, Columns = 8, Element = typeof(float))] public partial struct PivotedQRF20x8 : IPivotedQRKernel<PivotedQRF20x8, float>;
[Factorize(Kind.PivotedQR, Rows = 32, Columns = 1, Element = typeof(float))] public partial struct PivotedQRF32x1 : IPivotedQRKernel<PivotedQRF32x1, float>;
[Factorize(Kind.PivotedQR, Rows = 9, Columns = 7, Element = typeof(float))] public partial struct PivotedQRF9x7 : IPivotedQRKernel<PivotedQRF9x7, float>;
