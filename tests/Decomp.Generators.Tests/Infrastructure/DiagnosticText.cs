using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Decomp.Generators.Tests.Infrastructure;

/// <summary>Diagnostics as stable, readable text: for assertion messages and <c>.verified.txt</c> snapshots.</summary>
internal static class DiagnosticText
{
    /// <summary>
    /// The source text a diagnostic points at. The generator locates its diagnostics in the compilation's
    /// trees; a location it could only rebuild from values
    /// (<see cref="Location.Create(string, Microsoft.CodeAnalysis.Text.TextSpan, Microsoft.CodeAnalysis.Text.LinePositionSpan)"/>)
    /// carries a path but no tree, and then the tree is found in <paramref name="compilation"/> by path.
    /// </summary>
    public static string? SpanText(Diagnostic diagnostic, Compilation compilation)
    {
        var location = diagnostic.Location;
        var tree = location.SourceTree
            ?? compilation.SyntaxTrees.SingleOrDefault(t => t.FilePath == location.GetLineSpan().Path && t.FilePath.Length > 0);
        return tree is null || location.SourceSpan.End > tree.Length ? null : tree.GetText().ToString(location.SourceSpan);
    }

    /// <summary>One line per diagnostic, ordered by file, position and id: <c>Source0.cs(3,2): error DECOMP001 at 'Factorize(…)': message</c>.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics, Compilation compilation)
        => string.Join("\n", diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => FormatOne(d, compilation)));

    private static string FormatOne(Diagnostic diagnostic, Compilation compilation)
    {
        var lineSpan = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None
            ? "(no location)"
            : string.Create(CultureInfo.InvariantCulture, $"{lineSpan.Path}({lineSpan.StartLinePosition.Line + 1},{lineSpan.StartLinePosition.Character + 1})");
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        var span = SpanText(diagnostic, compilation);
        var at = span is null ? string.Empty : $" at '{span}'";
        return $"{where}: {severity} {diagnostic.Id}{at}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
