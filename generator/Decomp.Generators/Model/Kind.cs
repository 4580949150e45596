namespace Decomp.Generators.Model;

/// <summary>Mirror of <c>Decomp.Kind</c> (the generator cannot reference the net10.0 runtime assembly); values must match.</summary>
internal enum Kind
{
    Cholesky,
    Ldlt,
    LU,
    QR,
    PivotedQR,
    Svd,
    SymmetricEigen,
}
