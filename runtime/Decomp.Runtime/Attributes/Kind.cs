namespace Decomp;

/// <summary>The factorization a <see cref="FactorizeAttribute"/> asks the generator to emit.</summary>
public enum Kind
{
    /// <summary>A = LLᵀ for a symmetric positive-definite matrix.</summary>
    Cholesky,

    /// <summary>PAPᵀ = LDLᵀ with Bunch–Kaufman pivoting for a symmetric (possibly indefinite) matrix.</summary>
    Ldlt,

    /// <summary>PA = LU with partial pivoting.</summary>
    LU,

    /// <summary>A = QR by Householder reflections (Rows ≥ Columns).</summary>
    QR,

    /// <summary>AP = QR with column pivoting (rank revealing).</summary>
    PivotedQR,

    /// <summary>A = UΣVᵀ, the singular value decomposition.</summary>
    Svd,

    /// <summary>A = VΛVᵀ for a symmetric matrix.</summary>
    SymmetricEigen,
}
