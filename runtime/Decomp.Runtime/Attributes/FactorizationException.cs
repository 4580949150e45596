using System;

namespace Decomp;

/// <summary>
/// Thrown by <c>Factor</c> (and the dynamic-size factorizations) when a matrix cannot be factorized
/// by the requested kind: not positive definite, an exactly zero pivot, or a NaN/∞ entry.
/// </summary>
public sealed class FactorizationException : Exception
{
    /// <summary>Creates the exception for a failed factorization.</summary>
    /// <param name="kind">The factorization that failed.</param>
    /// <param name="rows">Rows of the matrix.</param>
    /// <param name="columns">Columns of the matrix.</param>
    /// <param name="step">The zero-based column (elimination step) at which it failed, or -1 when the input was rejected before factorization began.</param>
    /// <param name="reason">Why it failed, e.g. "the matrix is not positive definite".</param>
    public FactorizationException(Kind kind, int rows, int columns, int step, string reason)
        : base(FormatMessage(kind, rows, columns, step, reason))
    {
        Kind = kind;
        Rows = rows;
        Columns = columns;
        Step = step;
        Reason = reason;
    }

    /// <summary>The factorization that failed.</summary>
    public Kind Kind { get; }

    /// <summary>Rows of the matrix.</summary>
    public int Rows { get; }

    /// <summary>Columns of the matrix.</summary>
    public int Columns { get; }

    /// <summary>The zero-based column (elimination step) at which the factorization failed, or -1 when the input was rejected up front.</summary>
    public int Step { get; }

    /// <summary>Why the factorization failed.</summary>
    public string Reason { get; }

    private static string FormatMessage(Kind kind, int rows, int columns, int step, string reason)
        => step >= 0
            ? $"{kind} factorization of a {rows}×{columns} matrix failed at column {step}: {reason}."
            : $"{kind} factorization of a {rows}×{columns} matrix failed: {reason}.";
}
