using Decomp;
namespace Decomp.Kernels.Tests;
[Factorize(Kind.Cholesky, Size = 3)] public partial struct CholD3;
[Factorize(Kind.Cholesky, Size = 8)] public partial struct CholD8;
[Factorize(Kind.Cholesky, Size = 9)] public partial struct CholD9;
[Factorize(Kind.Cholesky, Size = 13, Element = typeof(float))] public partial struct CholF13;
[Factorize(Kind.Cholesky, Size = 20)] public partial struct CholD20;
[Factorize(Kind.Cholesky, Size = 1)] public partial struct CholD1;
