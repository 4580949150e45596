namespace Decomp.Blas;

/// <summary>Whether a BLAS operand is used as stored or transposed.</summary>
public enum Transpose
{
    /// <summary>Use the operand as stored.</summary>
    None,

    /// <summary>Use the transpose of the operand.</summary>
    Transpose,
}

/// <summary>Which triangle of a triangular operand holds the data.</summary>
public enum Triangle
{
    /// <summary>The lower triangle (row ≥ column).</summary>
    Lower,

    /// <summary>The upper triangle (row ≤ column).</summary>
    Upper,
}

/// <summary>Whether a triangular operand has an implicit unit diagonal.</summary>
public enum Diagonal
{
    /// <summary>The diagonal is stored and used.</summary>
    NonUnit,

    /// <summary>The diagonal is taken to be all ones and is not read.</summary>
    Unit,
}

/// <summary>On which side of the unknown a triangular operand stands.</summary>
public enum Side
{
    /// <summary>op(T)·X = B.</summary>
    Left,

    /// <summary>X·op(T) = B.</summary>
    Right,
}
