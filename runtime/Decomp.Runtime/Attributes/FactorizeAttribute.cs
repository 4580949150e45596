using System;

namespace Decomp;

/// <summary>
/// Asks Decomp.Generators to emit a fixed-size, allocation-free factorization kernel into the
/// attributed <c>partial struct</c>.
/// </summary>
/// <example>
/// <code>
/// [Factorize(Kind.Cholesky, Size = 8)]
/// public partial struct Chol8;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FactorizeAttribute : Attribute
{
    /// <summary>Creates the attribute for the given factorization kind.</summary>
    public FactorizeAttribute(Kind kind) => Kind = kind;

    /// <summary>The factorization to emit.</summary>
    public Kind Kind { get; }

    /// <summary>The order n of a square n×n shape; shorthand for <c>Rows = Columns = Size</c>.</summary>
    public int Size { get; set; }

    /// <summary>The number of rows of a rectangular shape (QR, PivotedQR, Svd); Rows ≥ Columns.</summary>
    public int Rows { get; set; }

    /// <summary>The number of columns of a rectangular shape.</summary>
    public int Columns { get; set; }

    /// <summary>The element type: <c>typeof(double)</c> (the default) or <c>typeof(float)</c>.</summary>
    public Type Element { get; set; } = typeof(double);
}
