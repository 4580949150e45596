using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Decomp.Generators.Diagnostics;

/// <summary>
/// Compares a type's diagnostics as they would be reported: same descriptor, message and location,
/// where a location in source is the same tree and span. A recompilation that leaves a type's
/// diagnostics and their syntax tree alone then reports nothing anew.
/// </summary>
internal sealed class ReportedDiagnosticsComparer : IEqualityComparer<ImmutableArray<Diagnostic>>
{
    public static readonly ReportedDiagnosticsComparer Instance = new();

    public bool Equals(ImmutableArray<Diagnostic> x, ImmutableArray<Diagnostic> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!x[i].Descriptor.Equals(y[i].Descriptor)
                || !x[i].Location.Equals(y[i].Location)
                || x[i].GetMessage(CultureInfo.InvariantCulture) != y[i].GetMessage(CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ImmutableArray<Diagnostic> obj) => obj.Length;
}
