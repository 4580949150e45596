using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Decomp.Generated;

/// <summary>
/// Throw helpers called by code that Decomp.Generators emits. Kept out of line so the generated
/// kernels stay small and inlinable; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelErrors
{
    /// <summary>Throws the <see cref="ArgumentException"/> for a span shorter than the shape needs.</summary>
    /// <param name="parameterName">The span parameter's name.</param>
    /// <param name="required">The number of elements the shape needs.</param>
    /// <param name="actual">The span's length.</param>
    [DoesNotReturn]
    public static void ThrowSpanTooShort(string parameterName, int required, int actual)
        => throw new ArgumentException($"The span needs at least {required} elements but has {actual}.", parameterName);

    /// <summary>Throws the <see cref="ArgumentException"/> for an input holding NaN or ∞.</summary>
    /// <param name="parameterName">The span parameter's name.</param>
    [DoesNotReturn]
    public static void ThrowNotFinite(string parameterName)
        => throw new ArgumentException("The span holds NaN or infinity.", parameterName);

    /// <summary>Throws the <see cref="FactorizationException"/> for a failed factorization.</summary>
    /// <param name="kind">The factorization kind.</param>
    /// <param name="rows">Rows of the shape.</param>
    /// <param name="columns">Columns of the shape.</param>
    /// <param name="step">The failing column, or -1 when the input was rejected up front.</param>
    /// <param name="reason">Why it failed.</param>
    [DoesNotReturn]
    public static void ThrowFactorizationFailed(Kind kind, int rows, int columns, int step, string reason)
        => throw new FactorizationException(kind, rows, columns, step, reason);

    /// <summary>Throws the <see cref="InvalidOperationException"/> for a factor struct that was never factored (a <c>default</c> value).</summary>
    /// <param name="typeName">The generated struct's name.</param>
    [DoesNotReturn]
    public static void ThrowNotFactored(string typeName)
        => throw new InvalidOperationException($"This {typeName} holds no factorization: create it with {typeName}.Factor or {typeName}.TryFactor, not default.");

    /// <summary>Throws the <see cref="ArgumentException"/> for row exchanges that no factorization writes (step k's pivot outside k…n−1).</summary>
    /// <param name="parameterName">The pivots parameter's name.</param>
    [DoesNotReturn]
    public static void ThrowInvalidPivots(string parameterName)
        => throw new ArgumentException("A pivot is out of range: step k must exchange row k with a row from k to n − 1.", parameterName);
}
