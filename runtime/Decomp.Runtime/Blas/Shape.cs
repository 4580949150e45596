using System;
using System.Numerics;

namespace Decomp.Blas;

/// <summary>Argument checks shared by the span layer.</summary>
internal static class Shape
{
    /// <summary>Throws unless a row-major rows × columns view with leading dimension ld fits in a span.</summary>
    public static void Check(int length, int rows, int columns, int ld, string parameterName)
    {
        if (rows < 0 || columns < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, $"A {rows}×{columns} shape has a negative dimension.");
        }

        if (ld < Math.Max(1, columns))
        {
            throw new ArgumentOutOfRangeException(parameterName, $"The leading dimension {ld} is smaller than the {columns} columns.");
        }

        long required = rows == 0 || columns == 0 ? 0 : (long)(rows - 1) * ld + columns;
        if (length < required)
        {
            throw new ArgumentException($"The span needs at least {required} elements for a {rows}×{columns} view with leading dimension {ld} but has {length}.", parameterName);
        }
    }
}

/// <summary>The element types the dynamic-size algorithms support.</summary>
internal static class ElementType
{
    /// <summary>Throws <see cref="NotSupportedException"/> unless T is float or double.</summary>
    public static void ThrowIfUnsupported<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
        {
            throw new NotSupportedException($"Decomp.Runtime supports float and double elements, not {typeof(T).Name}.");
        }
    }
}
