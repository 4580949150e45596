using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Decomp.Generators.Model;

/// <summary>A <see cref="Location"/> reduced to values, so it can live in a cached model.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>
    /// The location in <paramref name="compilation"/>'s tree of the same path, so it is in source and
    /// <c>#pragma</c> and <c>.editorconfig</c> settings apply to it; a location outside any tree if that
    /// tree is gone or ambiguous (several trees without a path).
    /// </summary>
    public Location ToLocation(Compilation compilation)
    {
        var trees = compilation.SyntaxTrees.Where(t => t.FilePath == FilePath).Take(2).ToArray();
        return trees.Length == 1 && Span.End <= trees[0].Length
            ? Location.Create(trees[0], Span)
            : Location.Create(FilePath, Span, LineSpan);
    }

    public static LocationInfo? From(Location? location)
        => location?.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
