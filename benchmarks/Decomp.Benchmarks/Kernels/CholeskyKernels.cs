namespace Decomp.Benchmarks.Kernels;

// The generated kernels under measurement: the sizes of ../shared/bench/eigen_small.cpp.
[Factorize(Kind.Cholesky, Size = 3)] public partial struct CholD3 : ICholeskyKernel<CholD3, double>;
[Factorize(Kind.Cholesky, Size = 4)] public partial struct CholD4 : ICholeskyKernel<CholD4, double>;
[Factorize(Kind.Cholesky, Size = 6)] public partial struct CholD6 : ICholeskyKernel<CholD6, double>;
[Factorize(Kind.Cholesky, Size = 8)] public partial struct CholD8 : ICholeskyKernel<CholD8, double>;
[Factorize(Kind.Cholesky, Size = 12)] public partial struct CholD12 : ICholeskyKernel<CholD12, double>;
[Factorize(Kind.Cholesky, Size = 16)] public partial struct CholD16 : ICholeskyKernel<CholD16, double>;
[Factorize(Kind.Cholesky, Size = 3, Element = typeof(float))] public partial struct CholF3 : ICholeskyKernel<CholF3, float>;
[Factorize(Kind.Cholesky, Size = 4, Element = typeof(float))] public partial struct CholF4 : ICholeskyKernel<CholF4, float>;
[Factorize(Kind.Cholesky, Size = 6, Element = typeof(float))] public partial struct CholF6 : ICholeskyKernel<CholF6, float>;
[Factorize(Kind.Cholesky, Size = 8, Element = typeof(float))] public partial struct CholF8 : ICholeskyKernel<CholF8, float>;
[Factorize(Kind.Cholesky, Size = 12, Element = typeof(float))] public partial struct CholF12 : ICholeskyKernel<CholF12, float>;
[Factorize(Kind.Cholesky, Size = 16, Element = typeof(float))] public partial struct CholF16 : ICholeskyKernel<CholF16, float>;
