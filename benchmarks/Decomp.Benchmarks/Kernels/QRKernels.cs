using System;

namespace Decomp.Benchmarks.Kernels;

// The generated QR kernels under measurement: the sizes of ../shared/bench/eigen_small.cpp (square, as Eigen's HouseholderQR there).
[Factorize(Kind.QR, Size = 2)] public partial struct QRD2 : IQRKernel<QRD2, double>;
[Factorize(Kind.QR, Size = 3)] public partial struct QRD3 : IQRKernel<QRD3, double>;
[Factorize(Kind.QR, Size = 4)] public partial struct QRD4 : IQRKernel<QRD4, double>;
[Factorize(Kind.QR, Size = 6)] public partial struct QRD6 : IQRKernel<QRD6, double>;
[Factorize(Kind.QR, Size = 8)] public partial struct QRD8 : IQRKernel<QRD8, double>;
[Factorize(Kind.QR, Size = 12)] public partial struct QRD12 : IQRKernel<QRD12, double>;
[Factorize(Kind.QR, Size = 16)] public partial struct QRD16 : IQRKernel<QRD16, double>;
[Factorize(Kind.QR, Size = 2, Element = typeof(float))] public partial struct QRF2 : IQRKernel<QRF2, float>;
[Factorize(Kind.QR, Size = 3, Element = typeof(float))] public partial struct QRF3 : IQRKernel<QRF3, float>;
[Factorize(Kind.QR, Size = 4, Element = typeof(float))] public partial struct QRF4 : IQRKernel<QRF4, float>;
[Factorize(Kind.QR, Size = 6, Element = typeof(float))] public partial struct QRF6 : IQRKernel<QRF6, float>;
[Factorize(Kind.QR, Size = 8, Element = typeof(float))] public partial struct QRF8 : IQRKernel<QRF8, float>;
[Factorize(Kind.QR, Size = 12, Element = typeof(float))] public partial struct QRF12 : IQRKernel<QRF12, float>;
[Factorize(Kind.QR, Size = 16, Element = typeof(float))] public partial struct QRF16 : IQRKernel<QRF16, float>;

// Column-pivoted QR at the sizes of the bars, for comparison with plain QR (Eigen's ColPivHouseholderQR is not in the reference).
[Factorize(Kind.PivotedQR, Size = 4)] public partial struct PQRD4 : IQRKernel<PQRD4, double>;
[Factorize(Kind.PivotedQR, Size = 8)] public partial struct PQRD8 : IQRKernel<PQRD8, double>;
[Factorize(Kind.PivotedQR, Size = 16)] public partial struct PQRD16 : IQRKernel<PQRD16, double>;
[Factorize(Kind.PivotedQR, Size = 4, Element = typeof(float))] public partial struct PQRF4 : IQRKernel<PQRF4, float>;
[Factorize(Kind.PivotedQR, Size = 8, Element = typeof(float))] public partial struct PQRF8 : IQRKernel<PQRF8, float>;
[Factorize(Kind.PivotedQR, Size = 16, Element = typeof(float))] public partial struct PQRF16 : IQRKernel<PQRF16, float>;

/// <summary>The generated QR and PivotedQR members, as an interface so one benchmark serves every size.</summary>
public interface IQRKernel<TSelf, T>
    where TSelf : struct, IQRKernel<TSelf, T>
{
    static abstract bool TryFactor(ReadOnlySpan<T> a, out TSelf factor);

    void Solve(ReadOnlySpan<T> b, Span<T> x);
}
